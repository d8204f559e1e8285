// Seeded generator of a realistic county ledger (R-LED-01 customer file, R-LED-02 network ledger):
// feeders (10 kV lines), transformer areas (台区), customers and meters, as the four import CSVs.
//
// generateLedger() is pure and deterministic: the same options give byte-identical CSV, and it
// draws every random number from one mulberry32 stream in a fixed order. toCsv() renders one kind
// with the headers of LEDGER_COLUMNS; writeLedgerCsv() is the only function that touches the disk.
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { LEDGER_COLUMNS, LEDGER_KINDS, type LedgerKind } from '@griddesk/shared';
import {
  COMPANY_BRANDS,
  COMPANY_SUFFIXES,
  COUNTY_INSTITUTIONS,
  FARM_WORKS,
  GIVEN_FIRST_FEMALE,
  GIVEN_FIRST_MALE,
  GIVEN_NAMES_COMMON,
  GIVEN_SECOND_FEMALE,
  GIVEN_SECOND_MALE,
  HEAVY_INDUSTRIES,
  HV_COMMERCE,
  LIGHT_INDUSTRIES,
  MOBILE_PREFIXES,
  SEAT_STREETS,
  SHOP_BRANDS,
  SHOP_KINDS,
  SMALL_WORKS,
  STREET_INSTITUTIONS,
  SURNAMES,
  TOWN_INSTITUTIONS,
  TOWN_STREETS,
  TOWNS,
  VILLAGE_INSTITUTIONS,
  VILLAGE_PREFIXES,
  VILLAGE_SUFFIXES,
} from './names';

export interface GenerateOptions {
  /** Total customers (LV + HV). */
  customers: number;
  /** Transformer areas (台区). */
  areas: number;
  /** 10 kV feeders; default max(1, round(areas / 15)). */
  feeders?: number;
  seed: number;
  /** Default ['ST01']; feeders are spread over the stations round-robin. */
  stationCodes?: string[];
  /** Used in addresses and county-level names; default '示范县'. */
  countyName?: string;
}
export interface FeederRow {
  feeder_code: string;
  name: string;
  station_code: string;
}
export interface AreaRow {
  area_code: string;
  name: string;
  feeder_code: string;
  capacity_kva: string;
}
export interface CustomerRow {
  account_no: string;
  name: string;
  address: string;
  phone: string;
  customer_class: 'residential' | 'non_residential';
  voltage_level: 'LV' | 'HV';
  tariff_code: string;
  area_code: string;
  feeder_code: string;
  important: '0' | '1';
  dual_supply: '0' | '1';
}
export interface MeterRow {
  meter_no: string;
  role: 'customer' | 'area' | 'gateway';
  account_no: string;
  area_code: string;
  feeder_code: string;
  multiplier: string;
}
export interface Ledger {
  feeders: FeederRow[];
  areas: AreaRow[];
  customers: CustomerRow[];
  meters: MeterRow[];
}

/** Shares of the customer mix (of all customers). */
export const MIX = {
  hv: 0.01,
  nonResidentialLv: 0.11,
  dualSupply: 0.005,
  /** Of the HV customers that are not dual-supplied, the share that is important. */
  hvImportantOfRest: 0.7,
} as const;
export const TARIFFS = { residential: 'RES-1', nonResidentialLv: 'COM-LV', agricultural: 'AGR', hv: 'IND-10KV' } as const;
export const CAPACITIES_KVA = [100, 200, 315, 400, 500, 630] as const;
export const AREA_METER_MULTIPLIERS = ['20', '30', '40', '60', '80'] as const;
export const GATEWAY_MULTIPLIERS = ['2000', '3000', '4000', '6000'] as const;
/** 高供低计 (CT only) and 高供高计 (PT 10000/100 × CT) ratios of 10 kV customer meters. */
export const HV_MULTIPLIERS = ['40', '60', '80', '100', '120', '160', '200', '300', '400', '500', '1000', '1500', '2000'] as const;
export const FIRST_ACCOUNT_NO = 3100000001;

// The one seeded PRNG of the project lives in the domain package; re-exported for the generators.
export { mulberry32 } from '@griddesk/domain/metering/prng';
import { mulberry32 } from '@griddesk/domain/metering/prng';

// ---------------------------------------------------------------------------------------------
// Random helpers over one stream

type Rng = () => number;

class Dice {
  constructor(readonly next: Rng) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  shuffle<T>(list: T[]): T[] {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = list[i]!;
      list[i] = list[j]!;
      list[j] = t;
    }
    return list;
  }
}

/** Picks from weighted items by binary search over the cumulative weights. */
class Weighted<T> {
  private readonly items: T[] = [];
  private readonly cumulative: Float64Array;
  private readonly total: number;
  constructor(pairs: readonly (readonly [T, number])[]) {
    this.cumulative = new Float64Array(pairs.length);
    let sum = 0;
    pairs.forEach(([item, w], i) => {
      this.items.push(item);
      sum += w;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }
  pick(d: Dice): T {
    const x = d.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

/**
 * Splits `total` into counts proportional to `weights` (largest remainder, ties by index), each at
 * least `min`. Requires total >= min * weights.length.
 */
function apportion(total: number, weights: readonly number[], min: number): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const rest = total - min * n;
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = new Array<number>(n);
  const fractions = new Array<number>(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const quota = sum > 0 ? (rest * weights[i]!) / sum : rest / n;
    const whole = Math.floor(quota);
    counts[i] = min + whole;
    fractions[i] = quota - whole;
    given += whole;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => fractions[b]! - fractions[a]! || a - b);
  for (let k = 0; k < rest - given; k++) counts[order[k % n]!]! += 1;
  return counts;
}

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 12 → 十二, 35 → 三十五; above 99 the Arabic number. */
function zhOrdinal(n: number): string {
  if (n < 10) return ZH_DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? ZH_DIGITS[n % 10]! : ''}`;
  if (n < 100) return `${ZH_DIGITS[Math.floor(n / 10)]!}十${n % 10 ? ZH_DIGITS[n % 10]! : ''}`;
  return String(n);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

// ---------------------------------------------------------------------------------------------
// Geography: towns, their streets and villages

interface Location {
  name: string;
  street: boolean;
  /** Surname of a clan village (李家村 → 李), whose residents often share it. */
  clan: string | null;
  /** `{county}{town}{name}`; a house number and 号 complete an address. */
  addressPrefix: string;
  /** Prefix of shop names: the town for streets (城关镇惠民超市), the village itself otherwise. */
  shopPrefix: string;
  areaCount: number;
  house: number;
}

interface Town {
  name: string;
  stem: string;
  addressPrefix: string;
  streets: string[];
  streetShare: number;
  locations: Location[];
  byName: Map<string, Location>;
  park: Location;
}

const SURNAME_SET = new Set(SURNAMES.map(([s]) => s));

class Geography {
  private readonly villagePool: string[] = [];
  private villageCursor = 0;
  /** Clan villages: a surname prefix (李家村, 王庄村) or surname + 家 (高家湾村). */
  private readonly clans = new Map<string, string>();

  constructor(
    private readonly d: Dice,
    private readonly county: string,
  ) {
    for (const p of VILLAGE_PREFIXES) {
      const clan = SURNAME_SET.has(p) ? p : p.length === 2 && p[1] === '家' && SURNAME_SET.has(p[0]!) ? p[0]! : null;
      for (const s of VILLAGE_SUFFIXES) {
        this.villagePool.push(p + s);
        if (clan) this.clans.set(p + s, clan);
      }
    }
    d.shuffle(this.villagePool);
  }

  town(index: number): Town {
    const t = TOWNS[index]!;
    const seat = index === 0;
    const addressPrefix = this.county + t.name;
    const town: Town = {
      name: t.name,
      stem: t.stem,
      addressPrefix,
      streets: this.d.shuffle([...(seat ? SEAT_STREETS : TOWN_STREETS)]),
      streetShare: seat ? 0.65 : 0.12,
      locations: [],
      byName: new Map(),
      park: this.location(addressPrefix, seat ? '经济开发区' : '工业园区', true, t.name),
    };
    return town;
  }

  private location(townPrefix: string, name: string, street: boolean, townName: string): Location {
    return {
      name,
      street,
      clan: street ? null : (this.clans.get(name) ?? null),
      addressPrefix: townPrefix + name,
      shopPrefix: street ? townName : name,
      areaCount: 0,
      house: 0,
    };
  }

  /** A new (or, once names run out, an existing) street or village of the town. */
  nextLocation(town: Town): Location {
    const wantStreet = town.streets.length > 0 && this.d.chance(town.streetShare);
    let name: string;
    let street: boolean;
    if (wantStreet) {
      name = town.streets.pop()!;
      street = true;
    } else {
      if (this.villageCursor >= this.villagePool.length) {
        this.d.shuffle(this.villagePool);
        this.villageCursor = 0;
      }
      name = this.villagePool[this.villageCursor++]!;
      street = false;
    }
    const existing = town.byName.get(name);
    if (existing) return existing;
    const loc = this.location(town.addressPrefix, name, street, town.name);
    town.byName.set(name, loc);
    town.locations.push(loc);
    return loc;
  }

  /** Next house number at a location: mostly consecutive, sometimes skipping a few. */
  address(loc: Location): string {
    loc.house += this.d.chance(0.3) ? 1 + this.d.int(3) : 1;
    return `${loc.addressPrefix + loc.house}号`;
  }
}

// ---------------------------------------------------------------------------------------------
// Names

class Namer {
  private readonly surnames = new Weighted(SURNAMES);
  private readonly companies = new Set<string>();
  private readonly bodies = new Set<string>();
  private institution = 0;

  constructor(
    private readonly d: Dice,
    private readonly county: string,
  ) {}

  person(clan: string | null): string {
    const d = this.d;
    const surname = clan !== null && d.chance(0.35) ? clan : this.surnames.pick(d);
    const x = d.next();
    if (x < 0.3) return surname + d.pick(GIVEN_NAMES_COMMON);
    const male = d.chance(0.55);
    const second = d.pick(male ? GIVEN_SECOND_MALE : GIVEN_SECOND_FEMALE);
    if (x < 0.52) return surname + second;
    let first = d.pick(male ? GIVEN_FIRST_MALE : GIVEN_FIRST_FEMALE);
    if (first === second) first = d.pick(male ? GIVEN_FIRST_MALE : GIVEN_FIRST_FEMALE);
    return surname + first + second;
  }

  shop(loc: Location): string {
    const d = this.d;
    const x = d.next();
    const kind = d.pick(SHOP_KINDS);
    if (x < 0.55) return loc.shopPrefix + d.pick(SHOP_BRANDS) + kind;
    if (x < 0.75) return loc.shopPrefix + kind;
    return `${this.surnames.pick(d)}记${kind}`;
  }

  works(town: Town, loc: Location): string {
    const d = this.d;
    if (d.chance(0.4)) return this.county + d.pick(COMPANY_BRANDS) + d.pick(LIGHT_INDUSTRIES) + d.pick(COMPANY_SUFFIXES);
    return (loc.street ? town.name : loc.name) + d.pick(COMPANY_BRANDS) + d.pick(SMALL_WORKS);
  }

  farm(loc: Location): string {
    const d = this.d;
    if (d.chance(0.25)) return this.person(loc.clan) + (d.chance(0.5) ? '养殖场' : '家庭农场');
    return loc.name + d.pick(FARM_WORKS);
  }

  /**
   * A public institution at town or location level, and whether it is an important customer.
   * A few tries for a name not yet used, so a village does not end up with three 小学.
   */
  publicBody(town: Town, loc: Location): [string, boolean] {
    const d = this.d;
    let found: [string, boolean] = ['', false];
    for (let attempt = 0; attempt < 4; attempt++) {
      const townLevel = d.chance(0.3);
      const [kind, important] = d.pick(townLevel ? TOWN_INSTITUTIONS : loc.street ? STREET_INSTITUTIONS : VILLAGE_INSTITUTIONS);
      found = [(townLevel ? town.name : loc.name) + kind, important];
      if (!this.bodies.has(found[0])) break;
    }
    this.bodies.add(found[0]);
    return found;
  }

  /** Next unused county institution (人民医院, 自来水公司, …), or null once all are taken. */
  countyInstitution(): string | null {
    if (this.institution >= COUNTY_INSTITUTIONS.length) return null;
    return this.county + COUNTY_INSTITUTIONS[this.institution++]!;
  }

  /** A 10 kV company name, unique while the combinations last. */
  company(town: Town, industries: readonly string[], commerce: boolean): string {
    const d = this.d;
    let name = '';
    for (let attempt = 0; attempt < 12; attempt++) {
      const prefix = attempt < 6 ? this.county : town.name;
      name = commerce ? prefix + d.pick(COMPANY_BRANDS) + d.pick(HV_COMMERCE) : prefix + d.pick(COMPANY_BRANDS) + d.pick(industries) + d.pick(COMPANY_SUFFIXES);
      if (!this.companies.has(name)) break;
    }
    this.companies.add(name);
    return name;
  }
}

// ---------------------------------------------------------------------------------------------
// The ledger

function checkOptions(opts: GenerateOptions): Required<GenerateOptions> {
  const { customers, areas, seed } = opts;
  const feeders = opts.feeders ?? Math.max(1, Math.round(areas / 15));
  const stationCodes = opts.stationCodes ?? ['ST01'];
  const countyName = opts.countyName ?? '示范县';
  if (!Number.isSafeInteger(customers) || customers < 0) throw new RangeError(`customers must be a whole number >= 0, got ${customers}`);
  if (!Number.isSafeInteger(areas) || areas < 1) throw new RangeError(`areas must be a whole number >= 1, got ${areas}`);
  if (!Number.isSafeInteger(feeders) || feeders < 1) throw new RangeError(`feeders must be a whole number >= 1, got ${feeders}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
  if (stationCodes.length === 0) throw new RangeError('stationCodes must not be empty');
  return { customers, areas, feeders, seed, stationCodes, countyName };
}

/** Generates a whole county ledger; pure and deterministic for given options. */
export function generateLedger(options: GenerateOptions): Ledger {
  const opts = checkOptions(options);
  const d = new Dice(mulberry32(opts.seed));
  const county = opts.countyName;
  const geo = new Geography(d, county);
  const namer = new Namer(d, county);

  // Feeders, grouped into towns: two or so lines per town, the county seat first.
  const F = opts.feeders;
  const townCount = Math.min(TOWNS.length, Math.max(1, Math.ceil(F / 2)));
  const towns = Array.from({ length: townCount }, (_, i) => geo.town(i));
  const feederTown: number[] = [];
  const linesPerTown = new Array<number>(townCount).fill(0);
  for (let i = 0; i < F; i++) {
    const t = Math.floor((i * townCount) / F);
    feederTown.push(t);
    linesPerTown[t]! += 1;
  }
  const lineNo = new Array<number>(townCount).fill(0);
  const feeders: FeederRow[] = [];
  for (let i = 0; i < F; i++) {
    const t = feederTown[i]!;
    const n = ++lineNo[t]!;
    feeders.push({
      feeder_code: `F${pad(i + 1, 3)}`,
      name: `10kV${towns[t]!.stem}${linesPerTown[t]! > 1 ? zhOrdinal(n) : ''}线`,
      station_code: opts.stationCodes[i % opts.stationCodes.length]!,
    });
  }

  // Areas: several per feeder, uneven; named after the street or village they serve.
  const A = opts.areas;
  const areasPerFeeder = apportion(
    A,
    Array.from({ length: F }, () => 0.5 + d.next()),
    A >= F ? 1 : 0,
  );
  const areaFeeder: number[] = [];
  const areaLocation: Location[] = [];
  const areaNames: string[] = [];
  {
    let current: Location | null = null;
    let left = 0;
    let currentTown = -1;
    for (let f = 0; f < F; f++) {
      const t = feederTown[f]!;
      const town = towns[t]!;
      if (t !== currentTown) {
        currentTown = t;
        left = 0;
      }
      for (let k = 0; k < areasPerFeeder[f]!; k++) {
        if (left <= 0 || current === null) {
          current = geo.nextLocation(town);
          left = current.street ? 1 + d.int(4) : 1 + d.int(3);
        }
        left--;
        const no = ++current.areaCount;
        areaFeeder.push(f);
        areaLocation.push(current);
        areaNames.push(`${(current.street ? town.name : '') + current.name + no}号台区`);
      }
    }
  }

  // The customer mix, exact for the given total.
  const N = opts.customers;
  const hvCount = Math.round(N * MIX.hv);
  const nonResLv = Math.round(N * MIX.nonResidentialLv);
  const lvCount = N - hvCount; // >= nonResLv for every N
  const dualCount = Math.min(hvCount, Math.round(N * MIX.dualSupply));
  const hvImportant = Math.round((hvCount - dualCount) * MIX.hvImportantOfRest);

  const lvPerArea = apportion(
    lvCount,
    Array.from({ length: A }, () => 0.3 + 1.4 * d.next()),
    0,
  );
  const hvPerFeeder = apportion(
    hvCount,
    Array.from({ length: F }, () => d.next()),
    0,
  );
  const lvKinds = new Uint8Array(lvCount); // 1 = non-residential
  lvKinds.fill(1, 0, Math.min(nonResLv, lvCount));
  shuffleTyped(d, lvKinds);
  const hvKinds = new Uint8Array(hvCount); // 2 = dual supply (and important), 1 = important
  hvKinds.fill(2, 0, dualCount);
  hvKinds.fill(1, dualCount, dualCount + hvImportant);
  shuffleTyped(d, hvKinds);

  const areas: AreaRow[] = [];
  const areaCapacity: number[] = [];
  for (let a = 0; a < A; a++) {
    const needed = lvPerArea[a]! * 3 * (0.7 + 0.6 * d.next());
    const kva = CAPACITIES_KVA.find((c) => c >= needed) ?? 630;
    areaCapacity.push(kva);
    areas.push({ area_code: `TA${pad(a + 1, 5)}`, name: areaNames[a]!, feeder_code: feeders[areaFeeder[a]!]!.feeder_code, capacity_kva: String(kva) });
  }

  const customers: CustomerRow[] = new Array(N);
  const customerMultiplier: string[] = new Array(N);
  let ci = 0;
  let account = FIRST_ACCOUNT_NO;
  let lvIndex = 0;
  let hvIndex = 0;
  const nextAccount = (): string => {
    const no = String(account);
    account += d.chance(0.04) ? 2 + d.int(3) : 1; // closed accounts leave gaps
    return no;
  };
  const phone = (): string => (d.chance(0.03) ? '' : d.pick(MOBILE_PREFIXES) + pad(d.int(100000000), 8));

  let areaIndex = 0;
  for (let f = 0; f < F; f++) {
    const feederCode = feeders[f]!.feeder_code;
    const town = towns[feederTown[f]!]!;
    for (let k = 0; k < areasPerFeeder[f]!; k++, areaIndex++) {
      const loc = areaLocation[areaIndex]!;
      const areaCode = areas[areaIndex]!.area_code;
      for (let j = 0; j < lvPerArea[areaIndex]!; j++) {
        const nonRes = lvKinds[lvIndex++] === 1;
        let name: string;
        let tariff: string = TARIFFS.residential;
        let important: '0' | '1' = '0';
        if (!nonRes) name = namer.person(loc.clan);
        else {
          tariff = TARIFFS.nonResidentialLv;
          const x = d.next();
          if (x < 0.66) name = namer.shop(loc);
          else if (x < 0.78) name = namer.works(town, loc);
          else if (x < 0.86) {
            if (loc.street) name = namer.shop(loc);
            else {
              name = namer.farm(loc);
              tariff = TARIFFS.agricultural;
            }
          } else {
            const [body, imp] = namer.publicBody(town, loc);
            name = body;
            if (imp) important = '1';
          }
        }
        customerMultiplier[ci] = '1';
        customers[ci++] = {
          account_no: nextAccount(),
          name,
          address: geo.address(loc),
          phone: phone(),
          customer_class: nonRes ? 'non_residential' : 'residential',
          voltage_level: 'LV',
          tariff_code: tariff,
          area_code: areaCode,
          feeder_code: feederCode,
          important,
          dual_supply: '0',
        };
      }
    }
    for (let j = 0; j < hvPerFeeder[f]!; j++) {
      const kind = hvKinds[hvIndex++]!;
      let name: string | null = null;
      if (kind === 2 && d.chance(0.6)) name = namer.countyInstitution();
      else if (kind === 1 && d.chance(0.5)) name = namer.countyInstitution();
      const institution = name !== null;
      if (name === null) {
        if (kind > 0) name = namer.company(town, HEAVY_INDUSTRIES, false);
        else {
          const x = d.next();
          name =
            x < 0.6
              ? namer.company(town, LIGHT_INDUSTRIES, false)
              : x < 0.85
                ? namer.company(town, HEAVY_INDUSTRIES, false)
                : namer.company(town, LIGHT_INDUSTRIES, true);
        }
      }
      // County institutions stand in the county seat, companies in their town's park or streets.
      const home = institution ? towns[0]! : town;
      const loc = home.locations.length === 0 || d.chance(0.5) ? home.park : d.pick(home.locations);
      customerMultiplier[ci] = d.pick(HV_MULTIPLIERS);
      customers[ci++] = {
        account_no: nextAccount(),
        name,
        address: geo.address(loc),
        phone: phone(),
        customer_class: 'non_residential',
        voltage_level: 'HV',
        tariff_code: TARIFFS.hv,
        area_code: '',
        feeder_code: feederCode,
        important: kind > 0 ? '1' : '0',
        dual_supply: kind === 2 ? '1' : '0',
      };
    }
  }

  // Meters: a gateway per feeder, a summary meter per area, one per customer; numbers unique
  // across all of them (a 4-digit type prefix and one rising 10-digit serial).
  const meters: MeterRow[] = new Array(F + A + N);
  let serial = 1000000 + d.int(900000000);
  let mi = 0;
  const meterNo = (prefix: string): string => {
    serial += d.chance(0.1) ? 1 + d.int(5) : 1;
    return prefix + pad(serial, 10);
  };
  for (let f = 0; f < F; f++) {
    meters[mi++] = {
      meter_no: meterNo('3320'),
      role: 'gateway',
      account_no: '',
      area_code: '',
      feeder_code: feeders[f]!.feeder_code,
      multiplier: d.pick(GATEWAY_MULTIPLIERS),
    };
  }
  for (let a = 0; a < A; a++) {
    meters[mi++] = {
      meter_no: meterNo('3310'),
      role: 'area',
      account_no: '',
      area_code: areas[a]!.area_code,
      feeder_code: areas[a]!.feeder_code,
      multiplier: areaMultiplier(d, areaCapacity[a]!),
    };
  }
  for (let c = 0; c < N; c++) {
    const cu = customers[c]!;
    const prefix = cu.voltage_level === 'HV' ? '3305' : cu.customer_class === 'residential' ? '3301' : '3303';
    meters[mi++] = {
      meter_no: meterNo(prefix),
      role: 'customer',
      account_no: cu.account_no,
      area_code: '',
      feeder_code: '',
      multiplier: customerMultiplier[c]!,
    };
  }

  return { feeders, areas, customers, meters };
}

function shuffleTyped(d: Dice, a: Uint8Array): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(d.next() * (i + 1));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
}

/** CT ratio of an area's summary meter, roughly matched to the transformer's rated current. */
function areaMultiplier(d: Dice, kva: number): string {
  const options: readonly string[] = kva <= 100 ? ['20', '30'] : kva <= 200 ? ['30', '40'] : kva <= 315 ? ['40', '60'] : kva <= 400 ? ['60', '80'] : ['80'];
  return d.pick(options);
}

// ---------------------------------------------------------------------------------------------
// CSV

const NEEDS_QUOTES = /[",\r\n]/;
const CHUNK_ROWS = 8192;

function csvCell(v: unknown): string {
  if (v === undefined || v === null) return '';
  const s = typeof v === 'string' ? v : String(v);
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The CSV of one kind in pieces of a few thousand rows: the header first, every line ending in '\n'. */
function* csvChunks(kind: LedgerKind, rows: readonly object[]): Generator<string> {
  const keys = LEDGER_COLUMNS[kind].map((c) => c.key);
  yield `${keys.map(csvCell).join(',')}\n`;
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const end = Math.min(rows.length, start + CHUNK_ROWS);
    const lines = new Array<string>(end - start);
    for (let i = start; i < end; i++) {
      const row = rows[i] as Record<string, unknown>;
      let line = csvCell(row[keys[0]!]);
      for (let k = 1; k < keys.length; k++) line += `,${csvCell(row[keys[k]!])}`;
      lines[i - start] = line;
    }
    yield `${lines.join('\n')}\n`;
  }
}

/** CSV text (header row + rows, UTF-8, '\n', RFC 4180 quoting only where needed) for one kind. */
export function toCsv(kind: LedgerKind, rows: readonly object[]): string {
  return Array.from(csvChunks(kind, rows)).join('');
}

/** Writes feeders.csv, areas.csv, customers.csv, meters.csv into dir (creating it); returns row counts. */
export async function writeLedgerCsv(dir: string, ledger: Ledger): Promise<Record<string, number>> {
  await mkdir(dir, { recursive: true });
  const counts: Record<string, number> = {};
  for (const kind of LEDGER_KINDS) {
    const rows = ledger[kind];
    await pipeline(Readable.from(csvChunks(kind, rows)), createWriteStream(join(dir, `${kind}.csv`)));
    counts[kind] = rows.length;
  }
  return counts;
}
