export * from './org';
export * from './ledger';
export * from './api';
