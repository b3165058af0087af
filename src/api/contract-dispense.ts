/** Dispensing, stock and traceability-code methods: R-NOSWAP, R-TRACE, R-TRACE-ONCE, R-GUIDE. */
export const dispenseContract = {} as const;
