import type {
  bulkResultSchema,
  Company,
  companyBulkUpdateBody,
  companyCreateBody,
  companyListQuery,
  companyPage,
  companyUpdateBody,
  contactBulkUpdateBody,
  contactCreateBody,
  contactPage,
  contactUpdateBody,
  customerGroupCreateBody,
  customerGroupSchema,
  customerGroupUpdateBody,
  customerSettingsSchema,
  fieldCreateBody,
  fieldUpdateBody,
  queryVisibilitySchema,
  savedQueryCreateBody,
  savedQuerySchema,
  savedQueryUpdateBody,
  servicePackageSchema,
} from '@yidan/contracts';

// Types inferred from the contract's zod schemas without importing zod into the console.
type Out<S extends { _output: unknown }> = S['_output'];
type In<S extends { _input: unknown }> = S['_input'];

export type {
  Company,
  Contact,
  FieldDefinition,
  FieldEntity,
  FieldOption,
  FieldType,
} from '@yidan/contracts';

export type CompanyCreate = In<typeof companyCreateBody>;
export type CompanyUpdate = In<typeof companyUpdateBody>;
export type CompanyPage = Out<typeof companyPage>;
export type CompanySort = NonNullable<In<typeof companyListQuery>['sort']>;
export type CompanyBulkSet = In<typeof companyBulkUpdateBody>['set'];
export type ContactCreate = In<typeof contactCreateBody>;
export type ContactUpdate = In<typeof contactUpdateBody>;
export type ContactPage = Out<typeof contactPage>;
export type ContactBulkSet = In<typeof contactBulkUpdateBody>['set'];
export type BulkResult = Out<typeof bulkResultSchema>['items'][number];
export type CustomerGroup = Out<typeof customerGroupSchema>;
export type CustomerGroupCreate = In<typeof customerGroupCreateBody>;
export type CustomerGroupUpdate = In<typeof customerGroupUpdateBody>;
export type CustomerSettings = Out<typeof customerSettingsSchema>;
export type ServicePackage = Out<typeof servicePackageSchema>;
export type FieldCreate = In<typeof fieldCreateBody>;
export type FieldUpdate = In<typeof fieldUpdateBody>;
export type SavedQuery = Out<typeof savedQuerySchema>;
export type SavedQueryCreate = In<typeof savedQueryCreateBody>;
export type SavedQueryUpdate = In<typeof savedQueryUpdateBody>;
export type QueryVisibility = Out<typeof queryVisibilitySchema>;

/** Filters of the company list; the server matches `q` against name, phones, QQ and service code. */
export interface CompanyFilter {
  q?: string;
  groupId?: number;
  status?: Company['serviceStatus'];
  tag?: string;
  sort?: CompanySort;
}

export interface ContactFilter {
  q?: string;
  companyId?: number;
  tag?: string;
}
