import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/** Opens the scenario panel from its launcher; `section` finds one of its regions by its heading. */
export async function openPanel(user: UserEvent) {
  await user.click(await screen.findByRole('button', { name: /^Scenarios/ }));
  const panel = screen.getByRole('dialog', { name: 'Scenarios' });
  const section = (name: string) => within(panel).getByRole('region', { name });
  return { panel, section };
}
