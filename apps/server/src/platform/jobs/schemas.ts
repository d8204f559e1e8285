// The jobs API's schemas are defined once, in @griddesk/shared (jobs.ts). This file only keeps the
// names the metering routes import until they take them from @griddesk/shared too; nothing new
// should import it.
export { ApiErrorFieldSchema, JobStarted as JobStartedSchema } from '@griddesk/shared';
