// Tariff shapes both pages read. Console tables carry integer price units (1/10000 yuan per kWh);
// the portal is sent the same prices as yuan texts with 4 decimals ('0.5380').

export type CustomerClass = 'residential' | 'non_residential';
export type TariffVoltage = 'LV' | 'HV' | 'any';
export type TouPeriod = 'peak' | 'flat' | 'valley';

/** GET /api/portal/tariffs: the tables in force as the public reads them. */
export interface PublishedTariff {
  code: string;
  version: number;
  name: string;
  nameEn: string;
  customerClass: CustomerClass;
  voltageLevel: TariffVoltage;
  basePriceYuan: string;
  /** the price of each tier itself (base included); upToKwh null for the last */
  tiers: { upToKwh: number | null; priceYuan: string }[];
  timeOfUse: { period: TouPeriod; from: string; to: string }[];
}
