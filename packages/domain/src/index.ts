export * from './org/mask';
export * from './org/permissions';
export * from './org/scope';
export * from './ledger/reasons';
export * from './ledger/validate';
