import type { FastifyInstance } from 'fastify';
import type { OrgUnit } from '@stinet/shared';
import { anonymous } from './test-app.js';

/** Finds a unit by kind and code as of a date through the public API. */
export async function unitByCode(app: FastifyInstance, kind: 'province' | 'ministry' | 'national', code: string, asOf = '2026-06-01'): Promise<OrgUnit> {
  const res = await anonymous(app).get(`/api/org-units?kind=${kind}&asOf=${asOf}&pageSize=500`);
  const unit = (res.json() as { items: OrgUnit[] }).items.find((u) => u.code === code);
  if (!unit) throw new Error(`no ${kind} ${code} on ${asOf}`);
  return unit;
}

let taxCounter = 0;

/** A valid organization body in a province (the province manages it), with a unique tax code. */
export function organizationBody(provinceUnitId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  taxCounter += 1;
  return {
    nameVi: `Viện Nghiên cứu Thử nghiệm Công nghệ số ${taxCounter}`,
    nameAbbr: 'VTN',
    nameEn: `Institute of Test Technology ${taxCounter}`,
    address: 'Số 1 Đường Láng, Phường Láng',
    provinceUnitId,
    managingUnitId: provinceUnitId,
    phone: '024 3856 0000',
    email: `vien${taxCounter}@example.vn`,
    website: 'https://example.vn',
    foundingDecisionNo: '123/QĐ-UBND',
    foundingDate: '2010-05-20',
    foundingAuthorityCode: '8.7',
    orgTypeCode: '13.2',
    economicTypeCode: '14.1',
    taxCode: `09${String(10000000 + taxCounter * 7919).slice(-8)}`,
    mainFieldCode: '102',
    internalNote: 'GHI-CHU-NOI-BO: chỉ cán bộ được xem',
    ...overrides,
  };
}
