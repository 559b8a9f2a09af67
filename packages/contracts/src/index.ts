export * from './auth.js';
export * from './conditions.js';
export * from './customers.js';
export * from './fields.js';
export * from './org.js';
export * from './permissions.js';
export * from './problem.js';
export * from './realtime.js';
