import { useT } from '../../i18n';
import { deleteNote, dissolveTheme, mergeTheme, updateTheme } from './actions';
import type { BoardCommands, BoardDialog } from './boardCommands';
import { ActionsDialog } from './dialogs/ActionsDialog';
import { MoveDialog } from './dialogs/MoveDialog';
import { NoteDialog } from './dialogs/NoteDialog';
import { ThemeDialog } from './dialogs/ThemeDialog';
import { ThemeEditDialog } from './dialogs/ThemeEditDialog';
import type { BoardModel } from './model';

/** [BOARD6][BOARD11][BOARD17] The board's open dialog, if any, wired to the board's commands. */
export function BoardDialogs(props: {
  dialog: BoardDialog | null;
  model: BoardModel;
  selection: ReadonlySet<string>;
  commands: BoardCommands;
  announce(msg: string): void;
  /** Another dialog in place of this one (focus still goes back where it was before the first). */
  replace(d: BoardDialog): void;
  onClose(): void;
}) {
  const t = useT();
  const { dialog: d, model, commands, onClose: close } = props;
  const { access, board } = model;
  const { failed } = commands;
  const dialogNote =
    d && (d.kind === 'note' || d.kind === 'actions') && d.id ? commands.note(d.id) : undefined;
  switch (d?.kind) {
    case 'note':
      return (
        <NoteDialog
          note={dialogNote}
          colourLocked={model.activity.spec.colourBy === 'orgType'}
          onSave={(text, colour) => commands.saveNote(text, colour, d.id, d.at)}
          onClose={close}
        />
      );
    case 'actions':
      return dialogNote ? (
        <ActionsDialog
          note={dialogNote}
          selected={props.selection.has(dialogNote.id)}
          flags={{
            edit: access.write && model.isMine(dialogNote.id),
            move: access.write,
            theme: access.cluster,
            vote: access.vote && model.votesLeft > 0,
            unvote: access.vote && (model.myVotesOn.get(dialogNote.id)?.length ?? 0) > 0,
            remove: access.write && (model.isMine(dialogNote.id) || access.manage),
          }}
          onCommand={(cmd) => {
            const id = dialogNote.id;
            if (cmd === 'delete') {
              close();
              void deleteNote(board.id, id).then((r) => props.announce(failed(r) ?? t('board.deleted')));
              return;
            }
            if (cmd === 'edit' || cmd === 'move' || cmd === 'theme') {
              props.replace(cmd === 'edit' ? { kind: 'note', id } : { kind: cmd, ids: [id] });
              return;
            }
            close();
            commands.command(cmd, id);
          }}
          onClose={close}
        />
      ) : null;
    case 'move':
      return (
        <MoveDialog
          model={model}
          noteIds={d.ids}
          onMove={(target) => void commands.moveTo(target, d.ids)}
          onClose={close}
        />
      );
    case 'theme':
      return (
        <ThemeDialog
          model={model}
          count={d.ids.length}
          onChoose={(themeId, heading) => commands.intoTheme(d.ids, themeId, heading)}
          onClose={close}
        />
      );
    case 'themeEdit':
      return (
        <ThemeEditDialog
          model={model}
          themeId={d.id}
          onRename={async (heading) => failed(await updateTheme(d.id, { heading }))}
          onMerge={async (intoId) => failed(await mergeTheme(board.id, d.id, intoId))}
          onDissolve={async () => failed(await dissolveTheme(board.id, d.id))}
          onClose={close}
        />
      );
    default:
      return null;
  }
}
