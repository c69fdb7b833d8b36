// "停用 / 启用" of a row in the configuration tables (index nodes, site types, checklist items):
// a link button that saves the flipped flag through the row's own mutation and says what happened.
import { App, Button } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';

export interface SaveCallbacks {
  onSuccess: () => void;
  onError: (error: unknown) => void;
}

export function ActiveToggle({
  active,
  save,
}: {
  active: boolean;
  /** Saves `active: next` with these callbacks (a mutation's `mutate`). */
  save: (next: boolean, callbacks: SaveCallbacks) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  return (
    <Button
      size="small"
      type="link"
      danger={active}
      onClick={() =>
        save(!active, {
          onSuccess: () => void message.success(active ? t('inspections.deactivated') : t('inspections.activated')),
          onError: (error) => showApiError(error, message),
        })
      }
      data-testid="active-toggle"
    >
      {active ? t('inspections.deactivate') : t('inspections.activate')}
    </Button>
  );
}
