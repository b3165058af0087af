import { PasswordDialog } from './PasswordDialog';
import { StaffScreen } from './StaffScreen';

/** The staff page (administrator) and the own-password dialog (everyone); each shows itself when open. */
export function StaffViews() {
  return (
    <>
      <StaffScreen />
      <PasswordDialog />
    </>
  );
}
