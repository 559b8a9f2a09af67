export * from '../../modules/calendar/schema.js';
export * from '../../modules/customers/schema.js';
export * from '../../modules/fields/schema.js';
export * from '../../modules/notifications/schema.js';
export * from '../../modules/org/schema.js';
export * from '../../modules/vendors/schema.js';
export * from '../audit/schema.js';
export * from '../auth/schema.js';
