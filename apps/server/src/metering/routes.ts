// The metering capability's HTTP surface, one registration per sub-capability: readings and their
// segments, line loss, theft screening, billing and tariffs, anti-theft inspections, and the policy.
import type { App, AppContext } from '../http/context';
import { billingRoutes } from './billing/routes';
import { tariffRoutes } from './billing/tariff-routes';
import { inspectionRoutes } from './inspections/routes';
import { lineLossRoutes } from './line-loss/routes';
import { meteringPolicyRoutes } from './policy-routes';
import { readingRoutes } from './readings/routes';
import { segmentRoutes } from './readings/segment-routes';
import { theftRoutes } from './theft/routes';

export function meteringRoutes(app: App, ctx: AppContext): void {
  readingRoutes(app, ctx);
  segmentRoutes(app, ctx);
  lineLossRoutes(app, ctx);
  theftRoutes(app, ctx);
  billingRoutes(app, ctx);
  tariffRoutes(app, ctx);
  inspectionRoutes(app, ctx);
  meteringPolicyRoutes(app, ctx);
}
