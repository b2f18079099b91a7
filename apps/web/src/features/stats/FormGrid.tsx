import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Stack, Text } from '@mantine/core';
import { cellKey, type CellIssue, type CellMap, type FormDefinition } from '@stinet/shared';
import {
  applyPaste,
  draftsAfterPaste,
  invalidDrafts,
  isSingleValue,
  leaveCell,
  typeInCell,
  cellIdPart,
  countIssues,
  formatCell,
  issuesByCell,
  issuesInGridOrder,
  moveForKey,
  moveTarget,
  notANumberIssues,
  numberLocaleOf,
  parsePasteBlock,
  rowDepths,
} from './grid-logic';
import { useFormValidation } from './useFormValidation';
import classes from './FormGrid.module.css';

/** Props of {@link FormGrid}. */
export interface FormGridProps {
  /** The form to enter (rows, columns, rules). */
  definition: FormDefinition;
  /** The report's cells by `cellKey(row, column)`; absent keys are missing. */
  cells: CellMap;
  /**
   * Called with the complete next cell map on every accepted change (one call per keystroke or per pasted block).
   * Text that is not a number is never passed up as a value: the cell becomes missing and the text stays in the grid
   * with a "not a number" error until fixed.
   */
  onChange: (next: CellMap) => void;
  /** Issues to show (usually from {@link useFormValidation} or the API). When omitted, the grid validates itself. */
  issues?: readonly CellIssue[] | undefined;
  /** Show the values without letting them be changed (submitted or approved reports). */
  readOnly?: boolean | undefined;
  /** Last period's cells, for the year-on-year warnings when the grid validates itself. */
  previous?: CellMap | undefined;
  /** Told the keys of the cells that hold text that is not a number (e.g. to disable saving). */
  onInvalidCellsChange?: ((keys: readonly string[]) => void) | undefined;
}

interface CellViewProps {
  id: string;
  messagesId: string;
  rowIndex: number;
  colIndex: number;
  cellKeyValue: string;
  text: string;
  label: string;
  title: string | undefined;
  special: boolean;
  issues: readonly CellIssue[] | undefined;
  english: boolean;
  readOnly: boolean;
  registerInput: (key: string, el: HTMLInputElement | null) => void;
  onText: (key: string, text: string) => void;
  onLeave: (key: string) => void;
  onKey: (event: KeyboardEvent<HTMLInputElement>, rowIndex: number, colIndex: number) => void;
  onPasteBlock: (event: ClipboardEvent<HTMLInputElement>, rowIndex: number, colIndex: number) => void;
}

const EMPTY_ISSUES: readonly CellIssue[] = [];
const NO_CELLS: CellMap = new Map();

/** One input cell with its messages; memoized so that typing re-renders only the cells that change. */
const CellView = memo(function CellView(p: CellViewProps) {
  const list = p.issues ?? EMPTY_ISSUES;
  const hasError = list.some((i) => i.severity === 'error');
  const hasWarning = !hasError && list.length > 0;
  const className = [classes.input, hasError ? classes.inputError : hasWarning ? classes.inputWarning : '', p.special ? classes.inputSpecial : '']
    .filter(Boolean)
    .join(' ');
  return (
    <td>
      <input
        id={p.id}
        ref={(el) => p.registerInput(p.cellKeyValue, el)}
        className={className}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={p.text}
        readOnly={p.readOnly}
        aria-label={p.label}
        aria-invalid={hasError || undefined}
        aria-describedby={list.length ? p.messagesId : undefined}
        title={p.title}
        data-row={p.rowIndex}
        data-col={p.colIndex}
        onChange={(e) => p.onText(p.cellKeyValue, e.currentTarget.value)}
        onBlur={() => p.onLeave(p.cellKeyValue)}
        onKeyDown={(e) => p.onKey(e, p.rowIndex, p.colIndex)}
        onPaste={(e) => p.onPasteBlock(e, p.rowIndex, p.colIndex)}
      />
      {list.length > 0 && (
        <div id={p.messagesId} className={classes.messages}>
          {list.map((i, n) => (
            <div key={`${i.ruleId}-${n}`} className={i.severity === 'error' ? classes.messageError : classes.messageWarning}>
              {p.english ? i.messageEn : i.messageVi}
            </div>
          ))}
        </div>
      )}
    </td>
  );
});

/**
 * The keyboard-friendly data-entry grid of a statistical report form: a real table with the form's rows and columns,
 * one input per cell, Enter/Shift+Enter and the arrows to move, Tab along the row, a block pasted from Excel or
 * LibreOffice filling the grid from the focused cell (one change), the four cell contents typed as text (empty,
 * `-`/`x`, `c…`, numbers in Vietnamese or English format), cell-level messages and a summary of all issues whose
 * items focus their cell. Controlled: the parent owns the cells.
 */
export function FormGrid({ definition, cells, onChange, issues, readOnly = false, previous, onInvalidCellsChange }: FormGridProps) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const locale = numberLocaleOf(i18n.language);
  const baseId = useId().replace(/[^A-Za-z0-9_-]/g, '');

  const rowCodes = useMemo(() => definition.rows.map((r) => r.code), [definition]);
  const columnCodes = useMemo(() => definition.columns.map((c) => c.code), [definition]);
  const depths = useMemo(() => rowDepths(definition.rows), [definition]);
  const rowNames = useMemo(() => new Map(definition.rows.map((r) => [r.code, `${r.code} ${english ? r.labelEn : r.labelVi}`])), [definition, english]);
  const columnNames = useMemo(() => new Map(definition.columns.map((c) => [c.code, english ? c.labelEn : c.labelVi])), [definition, english]);
  // Accessible names of the inputs, computed once per form and language (not on every keystroke).
  const cellLabels = useMemo(() => {
    const out = new Map<string, string>();
    for (const r of definition.rows) {
      for (const c of definition.columns) {
        out.set(cellKey(r.code, c.code), t('statsGrid.cellLabel', { row: rowNames.get(r.code), column: columnNames.get(c.code), interpolation: { escapeValue: false } }));
      }
    }
    return out;
  }, [definition, rowNames, columnNames, t]);

  // Texts being typed (shown as typed while the cell is edited) and texts that are not numbers (kept until fixed).
  const [drafts, setDrafts] = useState<ReadonlyMap<string, string>>(() => new Map());
  const [pasteNotice, setPasteNotice] = useState<string | null>(null);
  useEffect(() => {
    setDrafts((d) => (d.size ? new Map() : d));
    setPasteNotice(null);
  }, [definition]);

  const unreadable = useMemo(() => invalidDrafts(drafts, locale), [drafts, locale]);

  const invalidKeys = useMemo(() => [...unreadable.keys()].sort().join('\n'), [unreadable]);
  const invalidListener = useRef(onInvalidCellsChange);
  invalidListener.current = onInvalidCellsChange;
  useEffect(() => {
    invalidListener.current?.(invalidKeys ? invalidKeys.split('\n') : []);
  }, [invalidKeys]);

  // Self-validation only when the parent does not pass issues (an empty map keeps the hook cheap otherwise).
  const ownIssues = useFormValidation(definition, issues ? NO_CELLS : cells, previous);
  const engineIssues = issues ?? ownIssues;
  const allIssues = useMemo(
    () => [...notANumberIssues(unreadable, t('statsGrid.notANumber', { lng: 'vi' }), t('statsGrid.notANumber', { lng: 'en' })), ...engineIssues],
    [unreadable, engineIssues, t],
  );
  const byCell = useMemo(() => issuesByCell(allIssues), [allIssues]);
  const ordered = useMemo(() => issuesInGridOrder(allIssues, rowCodes, columnCodes), [allIssues, rowCodes, columnCodes]);
  const counts = countIssues(allIssues);

  // The latest values for the stable handlers below (so that memoized cells are not re-rendered by new closures).
  const latest = useRef({ cells, onChange, locale, rowCodes, columnCodes, readOnly, drafts });
  latest.current = { cells, onChange, locale, rowCodes, columnCodes, readOnly, drafts };

  const inputs = useRef(new Map<string, HTMLInputElement>());
  const registerInput = useCallback((key: string, el: HTMLInputElement | null) => {
    if (el) inputs.current.set(key, el);
    else inputs.current.delete(key);
  }, []);

  const focusKey = useCallback((key: string) => {
    const el = inputs.current.get(key);
    if (!el) return;
    el.focus();
    el.select();
    el.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, []);

  const onText = useCallback((key: string, text: string) => {
    const { cells: current, onChange: emit, locale: loc, readOnly: ro, drafts: d } = latest.current;
    if (ro) return;
    const edit = typeInCell(current, d, key, text, loc);
    setDrafts(edit.drafts);
    if (edit.cells) emit(edit.cells);
  }, []);

  const onLeave = useCallback((key: string) => {
    const loc = latest.current.locale;
    setDrafts((prev) => leaveCell(prev, key, loc));
  }, []);

  const onKey = useCallback(
    (event: KeyboardEvent<HTMLInputElement>, rowIndex: number, colIndex: number) => {
      if (event.nativeEvent.isComposing) return;
      const el = event.currentTarget;
      const length = el.value.length;
      const start = el.selectionStart ?? 0;
      const end = el.selectionEnd ?? length;
      const move = moveForKey({
        key: event.key,
        shiftKey: event.shiftKey,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
        caretAtStart: start === 0 && end === 0,
        caretAtEnd: start === length && end === length,
      });
      if (!move) return;
      event.preventDefault();
      const { rowCodes: rows, columnCodes: cols } = latest.current;
      const target = moveTarget({ row: rowIndex, col: colIndex }, move, rows.length, cols.length);
      if (target) focusKey(cellKey(rows[target.row] ?? '', cols[target.col] ?? ''));
    },
    [focusKey],
  );

  const onPasteBlock = useCallback(
    (event: ClipboardEvent<HTMLInputElement>, rowIndex: number, colIndex: number) => {
      const { cells: current, onChange: emit, locale: loc, rowCodes: rows, columnCodes: cols, readOnly: ro } = latest.current;
      if (ro) return;
      const block = parsePasteBlock(event.clipboardData.getData('text/plain'));
      if (isSingleValue(block)) return; // one value: the input's own paste
      event.preventDefault();
      const result = applyPaste(rows, cols, current, { row: rowIndex, col: colIndex }, block, loc);
      setDrafts((prev) => draftsAfterPaste(prev, result));
      const notices: string[] = [];
      if (result.clipped) notices.push(t('statsGrid.pasteClipped'));
      if (result.invalid.size) notices.push(t('statsGrid.pasteInvalid', { count: result.invalid.size }));
      setPasteNotice(notices.length ? notices.join(' ') : null);
      emit(result.cells);
    },
    [t],
  );

  const title = english ? definition.titleEn : definition.titleVi;
  const legendId = `${baseId}-legend`;

  return (
    <Stack gap="sm">
      <section aria-label={t('statsGrid.summaryLabel')}>
        <Text fw={600} c={counts.errors ? 'red.8' : undefined} role="status">
          {allIssues.length ? t('statsGrid.summary', { errors: counts.errors, warnings: counts.warnings }) : t('statsGrid.noIssues')}
        </Text>
        {ordered.length > 0 && (
          <ul className={classes.summaryList}>
            {ordered.map((i, n) => {
              const rowName = rowNames.get(i.row) ?? i.row;
              const columnName = columnNames.get(i.column) ?? i.column;
              return (
                <li key={`${i.row}|${i.column}|${i.ruleId}|${n}`}>
                  <button
                    type="button"
                    className={`${classes.summaryButton} ${i.severity === 'error' ? classes.messageError : classes.messageWarning}`}
                    onClick={() => focusKey(cellKey(i.row, i.column))}
                  >
                    {`${i.severity === 'error' ? t('statsGrid.error') : t('statsGrid.warning')}: `}
                    {t('statsGrid.issueItem', { row: rowName, column: columnName, message: english ? i.messageEn : i.messageVi, interpolation: { escapeValue: false } })}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {pasteNotice && (
        <Alert color="yellow" role="status" withCloseButton onClose={() => setPasteNotice(null)}>
          {pasteNotice}
        </Alert>
      )}

      <div className={classes.scroll}>
        <table className={classes.table} aria-describedby={legendId}>
          <caption className={classes.caption}>{t('statsGrid.caption', { code: definition.code, title, interpolation: { escapeValue: false } })}</caption>
          <thead>
            <tr>
              <th scope="col" className={classes.rowHeader}>
                {t('statsGrid.rowHeader')}
              </th>
              <th scope="col">{t('statsGrid.codeHeader')}</th>
              {definition.columns.map((c) => (
                <th scope="col" key={c.code} title={t('statsGrid.unitLabel', { unit: t(`statsGrid.units.${c.unit}`) })}>
                  {english ? c.labelEn : c.labelVi}
                  <span className={classes.unit}>
                    ({c.code}) · {t(`statsGrid.units.${c.unit}`)}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {definition.rows.map((r, rowIndex) => {
              const depth = depths.get(r.code) ?? 0;
              const rowLabel = english ? r.labelEn : r.labelVi;
              return (
                <tr key={r.code}>
                  <th scope="row" className={`${classes.rowHeader} ${depth === 0 ? classes.rowHeaderTop : ''}`} style={{ paddingInlineStart: `${0.4 + depth * 1.25}rem` }}>
                    {rowLabel}
                  </th>
                  <td className={classes.code}>{r.code}</td>
                  {definition.columns.map((c, colIndex) => {
                    const key = cellKey(r.code, c.code);
                    const value = cells.get(key);
                    const draft = drafts.get(key);
                    const part = cellIdPart(r.code, c.code);
                    const special = draft === undefined && (value?.state === 'not_applicable' || value?.state === 'confidential');
                    const cellTitle =
                      value?.state === 'not_applicable' ? t('statsGrid.notApplicable') : value?.state === 'confidential' ? t('statsGrid.confidential') : undefined;
                    return (
                      <CellView
                        key={c.code}
                        id={`${baseId}-cell-${part}`}
                        messagesId={`${baseId}-msg-${part}`}
                        rowIndex={rowIndex}
                        colIndex={colIndex}
                        cellKeyValue={key}
                        text={draft ?? formatCell(value, locale)}
                        label={cellLabels.get(key) ?? key}
                        title={cellTitle}
                        special={special}
                        issues={byCell.get(key)}
                        english={english}
                        readOnly={readOnly}
                        registerInput={registerInput}
                        onText={onText}
                        onLeave={onLeave}
                        onKey={onKey}
                        onPasteBlock={onPasteBlock}
                      />
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <section id={legendId} aria-label={t('statsGrid.legendTitle')}>
        <Text fw={600} size="sm">
          {t('statsGrid.legendTitle')}
        </Text>
        <ul className={classes.legend}>
          <li>{t('statsGrid.legend.empty')}</li>
          <li>{t('statsGrid.legend.zero')}</li>
          <li>{t('statsGrid.legend.notApplicable')}</li>
          <li>{t('statsGrid.legend.confidential')}</li>
          <li>{t('statsGrid.legend.numbers')}</li>
          <li>{t('statsGrid.legend.keys')}</li>
          <li>{t('statsGrid.legend.paste')}</li>
        </ul>
      </section>
    </Stack>
  );
}
