import type {
  agentCreateBody,
  agentUpdateBody,
  apiTokenCreatedSchema,
  apiTokenSchema,
  businessHoursSchema,
  businessStatusSchema,
  calendarDayCreateBody,
  calendarDaySchema,
  featuresSchema,
  groupCreateBody,
  groupSchema,
  groupUpdateBody,
  Notification,
  onDutySchema,
  roleCreateBody,
  roleSchema,
  roleUpdateBody,
  scheduleEntrySchema,
  scheduleSetBody,
  shiftCreateBody,
  shiftSchema,
  shiftUpdateBody,
  vendorProfileSchema,
  vendorProfileUpdateBody,
} from '@yidan/contracts';

// Types inferred from the contract's zod schemas without importing zod into the console.
type Out<S extends { _output: unknown }> = S['_output'];
type In<S extends { _input: unknown }> = S['_input'];

export type AgentCreate = In<typeof agentCreateBody>;
export type AgentUpdate = In<typeof agentUpdateBody>;
export type Group = Out<typeof groupSchema>;
export type GroupCreate = In<typeof groupCreateBody>;
export type GroupUpdate = In<typeof groupUpdateBody>;
export type Role = Out<typeof roleSchema>;
export type RoleCreate = In<typeof roleCreateBody>;
export type RoleUpdate = In<typeof roleUpdateBody>;
export type VendorProfile = Out<typeof vendorProfileSchema>;
export type VendorProfileUpdate = In<typeof vendorProfileUpdateBody>;
export type Features = Out<typeof featuresSchema>;
export type BusinessHours = Out<typeof businessHoursSchema>;
export type CalendarDay = Out<typeof calendarDaySchema>;
export type CalendarDayCreate = In<typeof calendarDayCreateBody>;
export type BusinessStatus = Out<typeof businessStatusSchema>;
export type Shift = Out<typeof shiftSchema>;
export type ShiftCreate = In<typeof shiftCreateBody>;
export type ShiftUpdate = In<typeof shiftUpdateBody>;
export type ScheduleEntry = Out<typeof scheduleEntrySchema>;
export type ScheduleSet = In<typeof scheduleSetBody>;
export type OnDuty = Out<typeof onDutySchema>;
export type ApiToken = Out<typeof apiTokenSchema>;
export type ApiTokenCreated = Out<typeof apiTokenCreatedSchema>;

/** GET /notifications answer (pageOf(notification) plus the unread count). */
export interface NotificationPage {
  items: Notification[];
  nextCursor: string | null;
  unread: number;
}

export interface ListOf<T> {
  items: T[];
}
