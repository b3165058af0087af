export const ROLES = ['pharmacist', 'cashier', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  pharmacist: '执业药师',
  cashier: '收银员',
  admin: '管理员',
};

export interface StaffMember {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** National pharmacist code (国家药师编码), pharmacists only. */
  pharmacistCode: string | null;
}
