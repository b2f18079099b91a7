import { oaiIdentifier, METADATA_FORMATS } from './oai.protocol.js';
import type { OaiEntityType, OaiOrganization, OaiPerson, OaiProduct, OaiProject } from './oai.repo.js';
import type { XmlWriter } from './oai.xml.js';

/**
 * Metadata of the OAI-PMH records: unqualified Dublin Core (`oai_dc`) and CERIF-XML of the OpenAIRE Guidelines for
 * CRIS Managers 1.2 (`oai_cerif_openaire`). Only the fields the public API shows are used (the repo loads nothing else);
 * references to other records carry the OAI identifier and the same names as the referenced record.
 */

/** One loaded public record and its type. */
export type OaiRecordData =
  | { type: 'organization'; data: OaiOrganization }
  | { type: 'person'; data: OaiPerson }
  | { type: 'project'; data: OaiProject }
  | { type: 'product'; data: OaiProduct };

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const DC = 'http://purl.org/dc/elements/1.1/';
const CERIF_NS = METADATA_FORMATS.oai_cerif_openaire.namespace;
const CERIF_LOCATION = `${CERIF_NS} ${METADATA_FORMATS.oai_cerif_openaire.schema}`;
/** Scheme URIs of our code lists and identifiers (no public registry exists for them). */
const SCHEME = {
  field2025: 'urn:stinet:classification:FOS2025',
  taskCode: 'urn:stinet:identifier:task-code',
  orgCode: 'urn:stinet:identifier:organization-code',
  researcherCode: 'urn:stinet:identifier:researcher-code',
};
/** COAR resource type "other" in the OpenAIRE product-type vocabulary (see writeCerifProduct). */
const COAR_PRODUCT_TYPES = 'https://www.openaire.eu/cerif-profile/vocab/COAR_Product_Types';
const COAR_OTHER = 'http://purl.org/coar/resource_type/c_1843';

function orcidUrl(orcid: string): string {
  return orcid.startsWith('http') ? orcid : `https://orcid.org/${orcid}`;
}

/** Vietnamese names are written family name first: "Nguyễn Văn An" → family "Nguyễn", given "Văn An". */
function splitName(fullName: string): { family: string; first: string } {
  const parts = fullName.trim().split(/\s+/);
  return parts.length < 2 ? { family: fullName.trim(), first: '' } : { family: parts[0] as string, first: parts.slice(1).join(' ') };
}

/** Writes the `oai_dc:dc` element of a record. */
export function writeDublinCore(w: XmlWriter, rec: OaiRecordData, repo: string): void {
  w.open('oai_dc:dc', {
    'xmlns:oai_dc': METADATA_FORMATS.oai_dc.namespace,
    'xmlns:dc': DC,
    'xmlns:xsi': XSI,
    'xsi:schemaLocation': `${METADATA_FORMATS.oai_dc.namespace} ${METADATA_FORMATS.oai_dc.schema}`,
  });
  switch (rec.type) {
    case 'organization': {
      const o = rec.data;
      w.leaf('dc:title', o.nameVi, { 'xml:lang': 'vi' });
      w.optional('dc:title', o.nameEn, { 'xml:lang': 'en' });
      w.optional('dc:title', o.nameAbbr);
      w.leaf('dc:identifier', oaiIdentifier(repo, 'organization', o.id));
      w.leaf('dc:identifier', o.code);
      w.optional('dc:identifier', o.website);
      w.leaf('dc:type', 'Organization');
      w.leaf('dc:subject', `${SCHEME.field2025}:${o.mainFieldCode}`);
      w.leaf('dc:coverage', o.provinceNameVi, { 'xml:lang': 'vi' });
      w.optional('dc:date', o.foundingDate);
      w.optional('dc:description', o.address, { 'xml:lang': 'vi' });
      break;
    }
    case 'person': {
      const p = rec.data;
      w.leaf('dc:title', p.fullName);
      w.leaf('dc:identifier', oaiIdentifier(repo, 'person', p.id));
      w.leaf('dc:identifier', p.code);
      if (p.orcid) w.leaf('dc:identifier', orcidUrl(p.orcid));
      w.leaf('dc:type', 'Person');
      if (p.fieldCode) w.leaf('dc:subject', `${SCHEME.field2025}:${p.fieldCode}`);
      w.optional('dc:description', p.position, { 'xml:lang': 'vi' });
      w.leaf('dc:relation', oaiIdentifier(repo, 'organization', p.organizationId));
      break;
    }
    case 'project': {
      const t = rec.data;
      w.leaf('dc:title', t.titleVi, { 'xml:lang': 'vi' });
      w.leaf('dc:identifier', oaiIdentifier(repo, 'project', t.id));
      w.leaf('dc:identifier', t.code);
      w.leaf('dc:creator', t.piName);
      w.leaf('dc:contributor', t.leadOrganizationNameVi);
      for (const f of t.fieldCodes2025) w.leaf('dc:subject', `${SCHEME.field2025}:${f}`);
      w.leaf('dc:description', t.objectives, { 'xml:lang': 'vi' });
      w.leaf('dc:description', t.content, { 'xml:lang': 'vi' });
      w.optional('dc:description', t.methods, { 'xml:lang': 'vi' });
      w.leaf('dc:description', t.expectedProducts, { 'xml:lang': 'vi' });
      w.leaf('dc:date', t.startDate);
      w.leaf('dc:coverage', `${t.startDate}/${t.endDate}`);
      w.leaf('dc:type', 'Project');
      w.leaf('dc:language', 'vi');
      w.leaf('dc:relation', oaiIdentifier(repo, 'organization', t.leadOrganizationId));
      break;
    }
    case 'product': {
      const r = rec.data;
      w.leaf('dc:title', r.resultTitleVi, { 'xml:lang': 'vi' });
      w.leaf('dc:identifier', oaiIdentifier(repo, 'product', r.id));
      w.leaf('dc:identifier', r.archiveNo);
      w.leaf('dc:identifier', r.certificateNumber);
      w.leaf('dc:creator', r.piName);
      w.leaf('dc:contributor', r.leadOrganizationNameVi);
      w.leaf('dc:publisher', r.authorityNameVi);
      for (const k of r.keywords) w.leaf('dc:subject', k, { 'xml:lang': 'vi' });
      for (const f of r.fieldCodes2025) w.leaf('dc:subject', `${SCHEME.field2025}:${f}`);
      w.leaf('dc:description', r.abstractVi, { 'xml:lang': 'vi' });
      w.leaf('dc:date', r.registeredAt.toISOString().slice(0, 10));
      w.leaf('dc:type', COAR_OTHER);
      w.leaf('dc:language', 'vi');
      w.leaf('dc:relation', oaiIdentifier(repo, 'project', r.taskId));
      break;
    }
  }
  w.close('oai_dc:dc');
}

/** An embedded OrgUnit reference: id and the Vietnamese name, exactly as in the OrgUnit's own record. */
function orgUnitRef(w: XmlWriter, repo: string, id: string, nameVi: string): void {
  w.wrap('OrgUnit', { id: oaiIdentifier(repo, 'organization', id) }, () => w.leaf('Name', nameVi, { 'xml:lang': 'vi' }));
}

/** An embedded person as printed on the task; linked to the Person record when the task links a researcher. */
function personRef(w: XmlWriter, repo: string, displayName: string, researcherId: string | null): void {
  w.leaf('DisplayName', displayName);
  if (researcherId) w.leaf('Person', null, { id: oaiIdentifier(repo, 'person', researcherId) });
}

/** Writes the CERIF (OpenAIRE Guidelines for CRIS Managers 1.2) element of a record. */
export function writeCerif(w: XmlWriter, rec: OaiRecordData, repo: string): void {
  const root = { xmlns: CERIF_NS, 'xsi:schemaLocation': CERIF_LOCATION };
  switch (rec.type) {
    case 'organization': {
      const o = rec.data;
      w.wrap('OrgUnit', { ...root, id: oaiIdentifier(repo, 'organization', o.id) }, () => {
        w.optional('Acronym', o.nameAbbr);
        w.leaf('Name', o.nameVi, { 'xml:lang': 'vi' });
        w.optional('Name', o.nameEn, { 'xml:lang': 'en' });
        w.leaf('Identifier', o.code, { type: SCHEME.orgCode });
        w.optional('ElectronicAddress', o.email ? `mailto:${o.email}` : null);
        w.optional('ElectronicAddress', o.website);
      });
      return;
    }
    case 'person': {
      const p = rec.data;
      const name = splitName(p.fullName);
      w.wrap('Person', { ...root, id: oaiIdentifier(repo, 'person', p.id) }, () => {
        w.wrap('PersonName', undefined, () => {
          w.leaf('FamilyNames', name.family);
          w.optional('FirstNames', name.first);
        });
        if (p.orcid) w.leaf('ORCID', orcidUrl(p.orcid));
        w.leaf('Identifier', p.code, { type: SCHEME.researcherCode });
        w.wrap('Affiliation', undefined, () => orgUnitRef(w, repo, p.organizationId, p.organizationNameVi));
      });
      return;
    }
    case 'project': {
      const t = rec.data;
      w.wrap('Project', { ...root, id: oaiIdentifier(repo, 'project', t.id) }, () => {
        w.leaf('Title', t.titleVi, { 'xml:lang': 'vi' });
        w.leaf('Identifier', t.code, { type: SCHEME.taskCode });
        w.leaf('StartDate', t.startDate);
        w.leaf('EndDate', t.endDate);
        w.wrap('Consortium', undefined, () => w.wrap('Coordinator', undefined, () => orgUnitRef(w, repo, t.leadOrganizationId, t.leadOrganizationNameVi)));
        w.wrap('Team', undefined, () => w.wrap('PrincipalInvestigator', undefined, () => personRef(w, repo, t.piName, t.piResearcherId)));
        for (const f of t.fieldCodes2025) w.leaf('Subject', f, { scheme: SCHEME.field2025 });
        w.leaf('Abstract', [t.objectives, t.content, t.methods, t.expectedProducts].filter((x): x is string => !!x && x.trim() !== '').join('\n\n'), { 'xml:lang': 'vi' });
      });
      return;
    }
    case 'product': {
      // A registered S&T result (Mẫu 5) is the registered outcome of a task as a whole: reports, data, processes,
      // prototypes, deposited with an archive number and whose full text may stay restricted. It is not a work
      // published in a venue, nor a patent, so the closest CERIF entity is the result Product (cfResProd).
      const r = rec.data;
      w.wrap('Product', { ...root, id: oaiIdentifier(repo, 'product', r.id) }, () => {
        w.leaf('Type', COAR_OTHER, { xmlns: COAR_PRODUCT_TYPES });
        w.leaf('Language', 'vi');
        w.leaf('Name', r.resultTitleVi, { 'xml:lang': 'vi' });
        w.wrap('Creators', undefined, () =>
          w.wrap('Creator', undefined, () => {
            personRef(w, repo, r.piName, r.piResearcherId);
            w.wrap('Affiliation', undefined, () => orgUnitRef(w, repo, r.leadOrganizationId, r.leadOrganizationNameVi));
          }),
        );
        w.wrap('Publishers', undefined, () => w.wrap('Publisher', undefined, () => w.leaf('DisplayName', r.authorityNameVi)));
        w.leaf('Description', r.abstractVi, { 'xml:lang': 'vi' });
        for (const f of r.fieldCodes2025) w.leaf('Subject', f, { scheme: SCHEME.field2025 });
        for (const k of r.keywords) w.leaf('Keyword', k, { 'xml:lang': 'vi' });
        w.wrap('OriginatesFrom', undefined, () => w.wrap('Project', { id: oaiIdentifier(repo, 'project', r.taskId) }, () => w.leaf('Title', r.taskTitleVi, { 'xml:lang': 'vi' })));
      });
      return;
    }
  }
}

/** The entity set of each type (OpenAIRE Guidelines for CRIS Managers names). */
export const ENTITY_SETS: Record<OaiEntityType, string> = {
  organization: 'openaire_cris_orgunits',
  person: 'openaire_cris_persons',
  project: 'openaire_cris_projects',
  product: 'openaire_cris_products',
};

/** All nine sets the guidelines require to be recognized, even when empty. */
export const OPENAIRE_SETS: { spec: string; name: string }[] = [
  { spec: 'openaire_cris_publications', name: 'OpenAIRE_CRIS_publications' },
  { spec: 'openaire_cris_products', name: 'OpenAIRE_CRIS_products' },
  { spec: 'openaire_cris_patents', name: 'OpenAIRE_CRIS_patents' },
  { spec: 'openaire_cris_persons', name: 'OpenAIRE_CRIS_persons' },
  { spec: 'openaire_cris_orgunits', name: 'OpenAIRE_CRIS_orgunits' },
  { spec: 'openaire_cris_projects', name: 'OpenAIRE_CRIS_projects' },
  { spec: 'openaire_cris_funding', name: 'OpenAIRE_CRIS_funding' },
  { spec: 'openaire_cris_events', name: 'OpenAIRE_CRIS_events' },
  { spec: 'openaire_cris_equipments', name: 'OpenAIRE_CRIS_equipments' },
];
