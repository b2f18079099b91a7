import { and, asc, eq, max } from 'drizzle-orm';
import { todayInVietnam, type Certificate, type CertificateVerification } from '@stinet/shared';
import { certificate, certificateCopy, classificationCode, focalPoint, organization } from '../../db/schema.js';
import type { Db, Executor } from '../../db/types.js';
import { touchPublicRecord } from '../portal/public-record.js';
import { AppError, notFound } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { recordAudit } from '../../lib/audit.js';
import { requireActor, requireRole } from '../access/access.service.js';
import { presentUnitRef } from '../org-units/org-units.presenter.js';
import { findUnitById, type OrgUnitRow } from '../org-units/org-units.repo.js';
import { findMembers, findTaskById, type TaskRow } from '../tasks/tasks.repo.js';
import { findRegistrationById, type CertificateRow, type RegistrationRow } from '../registrations/registrations.repo.js';
import { registrationAccess } from '../registrations/registrations.service.js';
import { renderCertificatePdf, type CertificateData } from './certificate-pdf.js';

type CopyRow = typeof certificateCopy.$inferSelect;

/** The public address where anyone checks a certificate. */
export function verificationUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/verify/${code}`;
}

async function load(ex: Executor, ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  const cert = (await ex.select().from(certificate).where(eq(certificate.id, id)).limit(1))[0];
  if (!cert) throw notFound('certificate');
  const reg = (await findRegistrationById(ex, cert.registrationId)) as RegistrationRow;
  const t = (await findTaskById(ex, reg.taskId)) as TaskRow;
  const access = await registrationAccess(ex, actor, reg, t);
  if (!access.canRead) throw new AppError('OUT_OF_SCOPE');
  return { cert, reg, task: t, canManage: access.managesAuthority };
}

async function copiesOf(ex: Executor, certificateId: string): Promise<CopyRow[]> {
  return ex.select().from(certificateCopy).where(eq(certificateCopy.certificateId, certificateId)).orderBy(asc(certificateCopy.copyNo));
}

function present(cert: CertificateRow, unit: OrgUnitRow, copies: CopyRow[], canManage: boolean, baseUrl: string): Certificate {
  return {
    id: cert.id,
    number: cert.number,
    issuedOn: cert.issuedOn,
    registrationId: cert.registrationId,
    authorityUnit: presentUnitRef(unit),
    signerName: cert.signerName,
    signerTitle: cert.signerTitle,
    status: cert.status,
    revokedAt: cert.revokedAt?.toISOString() ?? null,
    revokeReason: cert.revokeReason,
    verificationCode: cert.verificationCode,
    verificationUrl: verificationUrl(baseUrl, cert.verificationCode),
    copies: copies.map((c) => ({ copyNo: c.copyNo, issuedOn: c.issuedOn, purpose: c.purpose, createdAt: c.createdAt.toISOString() })),
    canManage,
  };
}

/** A certificate with its copies, for the lead organization and the focal points in scope. */
export async function getCertificate(ex: Executor, ctx: RequestContext, id: string, baseUrl: string): Promise<Certificate> {
  const { cert, canManage } = await load(ex, ctx, id);
  return present(cert, (await findUnitById(ex, cert.authorityUnitId)) as OrgUnitRow, await copiesOf(ex, id), canManage, baseUrl);
}

/** How the issuing body is named on the certificate: the national agency under the ministry, or a focal point under its ministry or province. */
async function authorityOf(ex: Executor, unit: OrgUnitRow, cert: CertificateRow): Promise<CertificateData['authority']> {
  const signer = { signerTitleVi: cert.signerTitle, signerName: cert.signerName };
  if (unit.kind === 'national') return { nameVi: unit.nameVi, parentVi: 'Bộ Khoa học và Công nghệ', placeVi: 'Hà Nội', ...signer };
  const fp = (await ex.select({ nameVi: focalPoint.nameVi, validTo: focalPoint.validTo }).from(focalPoint).where(eq(focalPoint.orgUnitId, unit.id))).find((f) => f.validTo === null || f.validTo >= cert.issuedOn);
  if (unit.kind === 'ministry') return { nameVi: fp?.nameVi ?? unit.nameVi, parentVi: unit.nameVi, placeVi: 'Hà Nội', ...signer };
  const place = unit.shortNameVi ?? unit.nameVi.replace(/^(Thành phố|Tỉnh)\s+/u, '');
  return { nameVi: fp?.nameVi ?? `Sở Khoa học và Công nghệ ${place}`, parentVi: `Ủy ban nhân dân ${unit.nameVi}`, placeVi: place, ...signer };
}

async function certificateData(ex: Executor, cert: CertificateRow, reg: RegistrationRow, t: TaskRow, baseUrl: string, copy: CopyRow | null): Promise<CertificateData> {
  const unit = (await findUnitById(ex, cert.authorityUnitId)) as OrgUnitRow;
  const org = (await ex.select({ nameVi: organization.nameVi, address: organization.address }).from(organization).where(eq(organization.id, t.leadOrganizationId)).limit(1))[0];
  const level = (await ex.select({ labelVi: classificationCode.labelVi }).from(classificationCode).where(and(eq(classificationCode.schemeCode, 'TASK_LEVEL'), eq(classificationCode.code, t.levelCode))).limit(1))[0];
  const members = await findMembers(ex, t.id);
  return {
    number: cert.number,
    issuedOn: cert.issuedOn,
    isCopy: copy !== null,
    copyIssuedOn: copy?.issuedOn ?? null,
    authority: await authorityOf(ex, unit, cert),
    task: { code: t.code, titleVi: t.titleVi, levelVi: level?.labelVi ?? t.levelCode, acceptanceDate: t.acceptedOn ?? cert.issuedOn, acceptanceDecision: t.acceptanceDecisionNo },
    leadOrganization: { nameVi: org?.nameVi ?? '', addressVi: org?.address ?? null },
    principalInvestigator: t.piName,
    members: members.map((m) => m.fullName),
    resultTitleVi: reg.resultTitleVi,
    registrationNumber: reg.archiveNo ?? '',
    verificationUrl: verificationUrl(baseUrl, cert.verificationCode),
    revoked: cert.status === 'revoked' ? { on: todayInVietnam(cert.revokedAt as Date), reasonVi: cert.revokeReason ?? '' } : null,
  };
}

/** The certificate as a PDF (the original; a revoked one carries the revocation mark). */
export async function certificatePdf(ex: Executor, ctx: RequestContext, id: string, baseUrl: string): Promise<{ number: string; pdf: Buffer }> {
  const { cert, reg, task: t } = await load(ex, ctx, id);
  return { number: cert.number, pdf: await renderCertificatePdf(await certificateData(ex, cert, reg, t, baseUrl, null)) };
}

/** A certified copy's PDF, marked as a copy with its number and date. */
export async function certificateCopyPdf(ex: Executor, ctx: RequestContext, id: string, copyNo: number, baseUrl: string): Promise<{ number: string; pdf: Buffer }> {
  const { cert, reg, task: t } = await load(ex, ctx, id);
  const copy = (await copiesOf(ex, id)).find((c) => c.copyNo === copyNo);
  if (!copy) throw notFound('certificate_copy');
  return { number: `${cert.number} (bản sao ${copyNo})`, pdf: await renderCertificatePdf(await certificateData(ex, cert, reg, t, baseUrl, copy)) };
}

/** Issues a certified copy (bản sao): the original is never re-issued. Refused for revoked certificates. */
export async function issueCopy(db: Db, ctx: RequestContext, id: string, purpose: string | null | undefined, baseUrl: string): Promise<Certificate> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer');
  return db.transaction(async (tx) => {
    const { cert, canManage } = await load(tx, ctx, id);
    if (!canManage) throw new AppError('OUT_OF_SCOPE');
    if (cert.status === 'revoked') throw new AppError('CERTIFICATE_REVOKED');
    const last = (await tx.select({ n: max(certificateCopy.copyNo) }).from(certificateCopy).where(eq(certificateCopy.certificateId, id)))[0]?.n ?? 0;
    const copy = (await tx.insert(certificateCopy).values({ certificateId: id, copyNo: Number(last) + 1, issuedOn: todayInVietnam(), purpose: purpose ?? null, issuedBy: actor.id }).returning())[0] as CopyRow;
    await recordAudit(tx, ctx, { action: 'copy', entityType: 'certificate', entityId: id, after: { copyNo: copy.copyNo, purpose: copy.purpose } });
    return present(cert, (await findUnitById(tx, cert.authorityUnitId)) as OrgUnitRow, await copiesOf(tx, id), canManage, baseUrl);
  });
}

/** Revokes a certificate with a reason (Circular 14/2014 Art 16); the verification page then says so. */
export async function revokeCertificate(db: Db, ctx: RequestContext, id: string, reason: string, baseUrl: string): Promise<Certificate> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer');
  return db.transaction(async (tx) => {
    const { cert, canManage } = await load(tx, ctx, id);
    if (!canManage) throw new AppError('OUT_OF_SCOPE');
    if (cert.status === 'revoked') throw new AppError('CERTIFICATE_REVOKED');
    const after = (
      await tx
        .update(certificate)
        .set({ status: 'revoked', revokedAt: new Date(), revokedBy: actor.id, revokeReason: reason })
        .where(and(eq(certificate.id, id), eq(certificate.status, 'valid')))
        .returning()
    )[0];
    if (!after) throw new AppError('VERSION_CONFLICT');
    await recordAudit(tx, ctx, { action: 'revoke', entityType: 'certificate', entityId: id, before: { status: cert.status }, after: { status: after.status, revokeReason: reason } });
    await touchPublicRecord(tx, 'result', cert.registrationId);
    return present(after, (await findUnitById(tx, cert.authorityUnitId)) as OrgUnitRow, await copiesOf(tx, id), canManage, baseUrl);
  });
}

/** What anyone learns from the code printed on a certificate: whether it is valid, and what it certifies. */
export async function verifyCertificate(ex: Executor, code: string): Promise<CertificateVerification> {
  const cert = (await ex.select().from(certificate).where(eq(certificate.verificationCode, code)).limit(1))[0];
  if (!cert) throw notFound('certificate');
  const reg = (await findRegistrationById(ex, cert.registrationId)) as RegistrationRow;
  const t = (await findTaskById(ex, reg.taskId)) as TaskRow;
  const unit = (await findUnitById(ex, cert.authorityUnitId)) as OrgUnitRow;
  const org = (await ex.select({ nameVi: organization.nameVi }).from(organization).where(eq(organization.id, t.leadOrganizationId)).limit(1))[0];
  return {
    valid: cert.status === 'valid',
    status: cert.status,
    number: cert.number,
    issuedOn: cert.issuedOn,
    authority: (await authorityOf(ex, unit, cert)).nameVi,
    taskCode: t.code,
    taskTitleVi: t.titleVi,
    resultTitleVi: reg.resultTitleVi,
    leadOrganization: org?.nameVi ?? '',
    revokedAt: cert.revokedAt?.toISOString() ?? null,
    revokeReason: cert.revokeReason,
  };
}
