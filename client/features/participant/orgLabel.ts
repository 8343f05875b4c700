import type { OrgType } from '../../../shared/domain/roles';
import type { useT } from '../../i18n';

export function orgLabel(t: ReturnType<typeof useT>, org: OrgType): string {
  switch (org) {
    case 'bewonersinitiatief':
      return t('org.bewonersinitiatief');
    case 'gemeente':
      return t('org.gemeente');
    case 'rijk':
      return t('org.rijk');
    case 'maatschappelijke_organisatie':
      return t('org.maatschappelijke_organisatie');
    case 'anders':
      return t('org.anders');
  }
}
