/**
 * How a paper prescription travels on the FSI wire (our decision, README "Design"; the national
 * interface documents no paper form). A paper outside prescription has no hi_rxno: the
 * e-prescription center never saw it. It is settled as an outside prescription
 * (`rx_circ_flag` '1') whose `rxno` is `<institution_code>-<serial_no>`, unique because the
 * serial number is unique per institution (R-PAPER-NO), and whose 2101/2102 `druginfo` and 3505
 * `selinfo` lines carry our extension `x_rx_form: 'paper'`, so the center looks it up among
 * paper prescriptions, not e-prescriptions. No 7206/7207/7208 is sent for it.
 */
export const RX_FORM_FIELD = 'x_rx_form';
export const PAPER_RX_FORM = 'paper';

export function paperRxno(institutionCode: string, serialNo: string): string {
  return `${institutionCode}-${serialNo}`;
}
