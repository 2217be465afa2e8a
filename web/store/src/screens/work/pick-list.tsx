import type { components } from '../../../../api/schema.ts';
import { useWords } from '../../i18n/index.tsx';
import { words } from './words.ts';

/** A pick list made for one order or a batch: its PDF to walk the shelves with. */
export function PickListLink({ list }: { list: components['schemas']['PickList'] }) {
  const w = useWords(words);
  return (
    <p className="notice-ok" role="status">
      {w.pickListReady(list.number)}{' '}
      <a href={`/v1/pick-lists/${list.id}/document`} target="_blank" rel="noreferrer">
        {w.openPdf}
      </a>
    </p>
  );
}
