/** The tamper-evident audit trail (R-KEEP): verify the hash chain, read entries. */
export const auditContract = {} as const;
