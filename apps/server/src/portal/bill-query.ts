// R-MTR-08: a customer's self-service bill query on the public portal. POST, so the phone digits
// never appear in URLs or access logs. The account number and the last four digits of the
// registered phone must both match; any failure gets one generic 404 that does not say which part
// was wrong. The answer carries no name, address or phone.
import { timingSafeEqual } from 'node:crypto';
import { type BillDetail, BillQueryAnswer, BillQueryInput } from '@griddesk/shared';
import { AppError } from '../errors';
import { findActive, findVersion } from '../platform/documents/repo';
import { TARIFFS } from '../metering/kinds';
import { perMinute } from '../policy/rate-limits';
import type { App, AppContext } from '../http/context';
import { kwhText, toKwhUnits } from '@griddesk/domain/metering/tariff';

const notFound = () => new AppError('not_found', '户号或手机号后四位不正确，或暂无账单信息', 'No bill found for this account number and phone digits');

function sameLast4(phone: string | null, last4: string): boolean {
  const digits = (phone ?? '').replace(/\D/g, '');
  if (digits.length < 4) return false;
  return timingSafeEqual(Buffer.from(digits.slice(-4)), Buffer.from(last4));
}

const decimal = (v: string) => kwhText(toKwhUnits(v));

export function billQueryRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  app.post(
    '/api/portal/bill-query',
    {
      config: {
        permission: 'public',
        rateLimit: { max: perMinute(db, 'billQueryPerMinute'), timeWindow: '1 minute' },
      },
      schema: {
        tags: ['portal'],
        summary:
          'Public: a customer’s latest bill by account number and the last four digits of the registered phone (R-MTR-08); no personal data in the answer',
        security: [],
        body: BillQueryInput,
        response: { 200: BillQueryAnswer },
      },
    },
    async (req) => {
      const { accountNo, phoneLast4 } = req.body;
      const customer = await db
        .selectFrom('customers')
        .select(['id', 'account_no', 'phone', 'tariff_code'])
        .where('account_no', '=', accountNo.trim())
        .executeTakeFirst();
      if (!customer || !sameLast4(customer.phone, phoneLast4)) throw notFound();
      const bill = await db
        .selectFrom('bills')
        .select(['period', 'kwh', 'amount_fen', 'detail', 'tariff_code', 'tariff_version'])
        .where('customer_id', '=', customer.id)
        .orderBy('period', 'desc')
        .limit(1)
        .executeTakeFirst();
      const code = bill?.tariff_code ?? customer.tariff_code;
      const tariff = bill ? await findVersion(db, TARIFFS.kind, code, bill.tariff_version) : await findActive(db, TARIFFS.kind, code);
      const def = tariff?.definition as { name?: string } | undefined;
      if (!bill) {
        return {
          accountNo: customer.account_no,
          tariff: { code: customer.tariff_code, name: def?.name ?? customer.tariff_code },
          period: null,
          lastReading: null,
          currentReading: null,
          kwh: null,
          amountFen: null,
          tierPosition: null,
        };
      }
      const detail = bill.detail as BillDetail;
      // one meter is the usual case; with several, the readings of the first are shown and kwh is the total
      const meter = detail.meters?.[0];
      return {
        accountNo: customer.account_no,
        tariff: { code: bill.tariff_code, name: def?.name ?? bill.tariff_code },
        period: bill.period,
        lastReading: meter ? decimal(meter.previous) : null,
        currentReading: meter ? decimal(meter.current) : null,
        kwh: decimal(bill.kwh),
        amountFen: bill.amount_fen,
        tierPosition: detail.tierPosition,
      };
    },
  );
}
