/** A case's materials as the API shows them (`CaseMaterialDto`, timestamps as text), for a case id expression. */
export const caseMaterialsJson = (caseId: string) => `
  SELECT coalesce(json_agg(json_build_object('index', x.material_index, 'name', x.name, 'required', x.required, 'deferrable', x.may_defer, 'status', x.status,
           'fileId', x.file_id, 'fileName', x.file_name, 'suppliedAt', x.supplied_at) ORDER BY x.material_index), '[]')
  FROM case_material x WHERE x.case_id = ${caseId}`;

/** A case's notices as `{ id, kind, createdAt }`, oldest first, for a case id expression. */
export const caseNoticesJson = (caseId: string) => `
  SELECT coalesce(json_agg(json_build_object('id', n.id, 'kind', n.kind, 'createdAt', n.created_at) ORDER BY n.created_at), '[]')
  FROM case_notice n WHERE n.case_id = ${caseId}`;
