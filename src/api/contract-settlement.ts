/** Settlement, refund and sales-upload methods: R-SETTLE, R-REVERSE, R-PRICE, R-SALES-UP. */
export const settlementContract = {} as const;
