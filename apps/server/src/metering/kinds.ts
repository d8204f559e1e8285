// The metering capability's policy documents: the metering policy (R-MTR-02..06), tariff tables
// (R-MTR-03) and the supply rules for theft and violations (R-MTR-07).
import { checkMeteringPolicy, DEFAULT_METERING_POLICY, type MeteringPolicy, pickPolicy, withPolicyDefaults } from '@griddesk/domain';
import { checkViolationRules, DEFAULT_SUPPLY_RULES, type ViolationRules } from '@griddesk/domain/metering/inspection';
import { checkTariff, DEFAULT_TARIFFS, type TariffDefinition } from '@griddesk/domain/metering/tariff';
import { TariffDefinition as TariffSchema } from '@griddesk/shared';
import { DEFAULT_KEY, type DocumentKind } from '../platform/documents/kinds';
import { schemaProblems } from '../platform/documents/schema-check';

export const METERING_POLICY: DocumentKind<MeteringPolicy> = {
  kind: 'metering-policy',
  label: { zh: '抄核收与线损规则', en: 'Metering policy' },
  keyed: false,
  keyPattern: /^default$/,
  readPermission: 'metering.read',
  inForce: 'key',
  auditEntity: 'metering_policy',
  auditId: (_key, version) => String(version),
  check: (definition) => checkMeteringPolicy(definition),
  // versions published before a section existed read it at its default
  normalise: (definition) => withPolicyDefaults(pickPolicy(withPolicyDefaults(definition as Partial<MeteringPolicy>))),
  shipped: () => [{ key: DEFAULT_KEY, version: 1, definition: DEFAULT_METERING_POLICY, inForce: true }],
};

const stampTariff = (definition: unknown, key: string, version: number): unknown =>
  typeof definition === 'object' && definition !== null && !Array.isArray(definition) ? { ...definition, code: key, version } : definition;

export const TARIFFS: DocumentKind<TariffDefinition> = {
  kind: 'tariff',
  label: { zh: '电价表', en: 'Tariff table' },
  keyed: true,
  keyPattern: /^[A-Z0-9-]{1,20}$/,
  readPermission: 'metering.read',
  inForce: 'key',
  auditEntity: 'tariff',
  auditId: (key, version) => `${key}:${version}`,
  check: (definition, key) => {
    // the code and version are the document's own: a definition is checked as it will be stored
    const given = (definition as { version?: unknown } | null)?.version;
    const stamped = stampTariff(definition, key, typeof given === 'number' && given > 0 ? given : 1);
    const shape = schemaProblems(TariffSchema, stamped);
    if (shape.length) return shape;
    return checkTariff(stamped as TariffDefinition).map((p) => ({ ...p, field: `definition.${p.field}` }));
  },
  normalise: (definition, key, version) => stampTariff(definition, key, version) as TariffDefinition,
  stamp: stampTariff,
  shipped: () => DEFAULT_TARIFFS.map((t) => ({ key: t.code, version: t.version, definition: t, inForce: true })),
};

export const SUPPLY_RULES: DocumentKind<ViolationRules> = {
  kind: 'supply-rules',
  label: { zh: '窃电与违约用电处理规则', en: 'Theft and violation rules' },
  keyed: false,
  keyPattern: /^default$/,
  readPermission: 'metering.read',
  inForce: 'key',
  auditEntity: 'supply_rules',
  auditId: (_key, version) => String(version),
  check: (definition) => checkViolationRules(definition),
  normalise: (definition) => definition as ViolationRules,
  shipped: () => [{ key: DEFAULT_KEY, version: 1, definition: DEFAULT_SUPPLY_RULES, inForce: true }],
};
