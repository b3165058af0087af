/** Review (审方) methods: R-PHARMACIST, R-OPINION, R-CHECKS, R-HISTORY; 7206. */
export const reviewContract = {} as const;
