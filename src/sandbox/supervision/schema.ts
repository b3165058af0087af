/**
 * The supervision subsystem's records (one migration step in ../db.ts): every finding it gave
 * (3101 事前 / 3102 事中) and the pharmacy's feedback on it (3103), at most one per finding.
 */
export const SUPERVISION_SCHEMA_SQL = `
  CREATE TABLE supervision_findings (
    jr_id TEXT PRIMARY KEY,
    infno TEXT NOT NULL CHECK (infno IN ('3101', '3102')),
    msgid TEXT NOT NULL,
    fixmedins_code TEXT NOT NULL,
    psn_no TEXT NOT NULL,
    rule_id TEXT NOT NULL,
    sev_deg TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE supervision_feedbacks (
    jr_id TEXT PRIMARY KEY REFERENCES supervision_findings (jr_id),
    msgid TEXT NOT NULL,
    dspo_way TEXT NOT NULL CHECK (dspo_way IN ('1', '2')),
    dspo_way_rea TEXT NOT NULL,
    opter TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
`;
