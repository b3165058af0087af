/** The e-prescription center interface names (center-protocol §2). */
export const EPC_INTERFACES = [
  'uploadChk',
  'rxFixmedinsSign',
  'rxFileUpld',
  'rxUndo',
  'hospRxDetlQuery',
  'rxChkInfoQuery',
  'rxSetlInfoQuery',
  'circDrugQuery',
] as const;
export type EpcInterfaceName = (typeof EPC_INTERFACES)[number];
