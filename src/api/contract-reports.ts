/** Manager reports with charts and CSV/XLSX/PDF export (R-CATALOG, R-PRICE-PUB, R-RECON). */
export const reportsContract = {} as const;
