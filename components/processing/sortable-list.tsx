"use client";
// An ordered list its editors reorder three ways: dragging a row by its handle (pointer), picking the handle up
// with Space or Enter and moving it with the arrow keys (dnd-kit's keyboard sensor, announced to screen readers),
// or the "Move up" / "Move down" buttons. Every move is reported as (from, to); the caller persists it.
// Readers get the same rows without any of the controls.
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import clsx from "clsx";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/lib/i18n/client";

type Item = { uid: string };

export type RowControls = {
  /** the drag handle, null for readers */
  handle: ReactNode;
  /** "Move up" / "Move down", null for readers */
  moves: ReactNode;
};

export function SortableList<T extends Item>({
  items,
  labelOf,
  editable,
  disabled,
  pending,
  onMove,
  renderRow,
  listLabel,
  testId,
}: {
  items: T[];
  labelOf: (item: T) => string;
  editable: boolean;
  /** the controls are off (a form is open) */
  disabled?: boolean;
  /** a move is being saved: further moves wait, the controls keep the focus */
  pending?: boolean;
  onMove: (from: number, to: number) => void;
  renderRow: (item: T, index: number, controls: RowControls) => ReactNode;
  listLabel: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const dndId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const [announcement, setAnnouncement] = useState("");
  const [focusRequest, setFocusRequest] = useState<{ uid: string; direction: "up" | "down"; seq: number } | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  // The moved row's button keeps the focus; at either end of the list, its other button takes it.
  useEffect(() => {
    if (!focusRequest) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-row-uid="${globalThis.CSS.escape(focusRequest.uid)}"]`);
    const wanted = row?.querySelector<HTMLButtonElement>(`[data-move="${focusRequest.direction}"]:not(:disabled)`);
    (wanted ?? row?.querySelector<HTMLButtonElement>("[data-move]:not(:disabled)"))?.focus();
  }, [focusRequest, items]);

  const indexOf = (id: UniqueIdentifier) => items.findIndex((item) => item.uid === id);
  const labelOfId = (id: UniqueIdentifier) => {
    const item = items[indexOf(id)];
    return item ? labelOf(item) : String(id);
  };
  const position = (id: UniqueIdentifier | undefined) => ({ position: id === undefined ? 0 : indexOf(id) + 1, count: items.length });

  const move = (index: number, direction: "up" | "down") => {
    const to = direction === "up" ? index - 1 : index + 1;
    const item = items[index];
    if (!item || pending || to < 0 || to >= items.length) return;
    onMove(index, to);
    setAnnouncement(t("processing_pages.reorder.moved", { label: labelOf(item), position: to + 1, count: items.length }));
    setFocusRequest((previous) => ({ uid: item.uid, direction, seq: (previous?.seq ?? 0) + 1 }));
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => t("processing_pages.reorder.picked", { label: labelOfId(active.id), ...position(active.id) }),
    onDragOver: ({ active, over }) => (over ? t("processing_pages.reorder.over", { label: labelOfId(active.id), ...position(over.id) }) : undefined),
    onDragEnd: ({ active, over }) => (over ? t("processing_pages.reorder.dropped", { label: labelOfId(active.id), ...position(over.id) }) : undefined),
    onDragCancel: ({ active }) => t("processing_pages.reorder.cancelled", { label: labelOfId(active.id) }),
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id || pending) return;
    const from = indexOf(active.id);
    const to = indexOf(over.id);
    if (from >= 0 && to >= 0) onMove(from, to);
  };

  const rows = items.map((item, index) => (
    <SortableRow
      key={item.uid}
      item={item}
      index={index}
      count={items.length}
      label={labelOf(item)}
      editable={editable}
      disabled={!!disabled}
      pending={!!pending}
      onMove={move}
      render={renderRow}
    />
  ));

  const list = (
    <ol ref={listRef} aria-label={listLabel} className="space-y-2" data-testid={testId}>
      {rows}
    </ol>
  );

  if (!editable) return list;
  return (
    <>
      <DndContext
        id={dndId}
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t("processing_pages.reorder.instructions") } }}
      >
        <SortableContext items={items.map((item) => item.uid)} strategy={verticalListSortingStrategy} disabled={disabled || pending}>
          {list}
        </SortableContext>
      </DndContext>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </>
  );
}

function SortableRow<T extends Item>({
  item,
  index,
  count,
  label,
  editable,
  disabled,
  pending,
  onMove,
  render,
}: {
  item: T;
  index: number;
  count: number;
  label: string;
  editable: boolean;
  disabled: boolean;
  pending: boolean;
  onMove: (index: number, direction: "up" | "down") => void;
  render: (item: T, index: number, controls: RowControls) => ReactNode;
}) {
  const { t } = useI18n();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.uid, disabled: !editable || disabled });
  const style = { transform: CSS.Transform.toString(transform), transition };
  const handle = editable ? (
    <button
      ref={setActivatorNodeRef}
      type="button"
      {...attributes}
      {...listeners}
      aria-label={t("processing_pages.reorder.drag", { label })}
      className="flex h-8 w-6 shrink-0 cursor-grab touch-none items-center justify-center rounded text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none active:cursor-grabbing"
    >
      <span aria-hidden className="text-base leading-none">⋮⋮</span>
    </button>
  ) : null;
  const moves = editable ? (
    <span className="flex gap-1">
      <Button variant="ghost" size="sm" data-move="up" disabled={disabled || index === 0} aria-disabled={pending || undefined} onClick={() => onMove(index, "up")} aria-label={t("processing_pages.reorder.move_up_label", { label })}>
        <span aria-hidden>↑</span>
        <span className="sr-only sm:not-sr-only">{t("processing_pages.reorder.move_up")}</span>
      </Button>
      <Button
        variant="ghost"
        size="sm"
        data-move="down"
        disabled={disabled || index === count - 1}
        aria-disabled={pending || undefined}
        onClick={() => onMove(index, "down")}
        aria-label={t("processing_pages.reorder.move_down_label", { label })}
      >
        <span aria-hidden>↓</span>
        <span className="sr-only sm:not-sr-only">{t("processing_pages.reorder.move_down")}</span>
      </Button>
    </span>
  ) : null;
  return (
    <li
      ref={editable ? setNodeRef : undefined}
      style={editable ? style : undefined}
      data-row-uid={item.uid}
      className={clsx("rounded-lg border border-slate-200 bg-white", isDragging && "relative z-10 shadow-lg ring-2 ring-brand-500/40")}
    >
      {render(item, index, { handle, moves })}
    </li>
  );
}
