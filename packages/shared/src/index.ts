export * from './org';
export * from './ledger';
export * from './api';
export * from './cases';
export * from './jobs';
