export * from './org';
export * from './ledger';
export * from './api';
export * from './cases';
export * from './metering/tariffs';
export * from './documents';
export * from './policy';
