import { type KeyboardEvent, type ReactNode, useId } from 'react';

export type TabItem = { id: string; label: string; panel: ReactNode };

type TabsProps = {
  /** Names the tab list for assistive technology. */
  label: string;
  tabs: TabItem[];
  selected: string;
  onSelect: (id: string) => void;
};

/** Tabs in the WAI-ARIA pattern: arrows, Home and End move between them. */
export function Tabs({ label, tabs, selected, onSelect }: TabsProps) {
  const baseId = useId();
  const current = tabs.find((tab) => tab.id === selected) ?? tabs[0];

  function move(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((tab) => tab.id === current?.id);
    const steps: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1 };
    let next = steps[event.key];
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = tabs.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length];
    if (!target) return;
    onSelect(target.id);
    document.getElementById(`${baseId}-tab-${target.id}`)?.focus();
  }

  return (
    <div className="tab-set">
      <div className="tab-set__list" role="tablist" aria-label={label} onKeyDown={move}>
        {tabs.map((tab) => {
          const active = tab.id === current?.id;
          return (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`${baseId}-tab-${tab.id}`}
              aria-selected={active}
              aria-controls={`${baseId}-panel-${tab.id}`}
              tabIndex={active ? 0 : -1}
              className={active ? 'tab-set__tab tab-set__tab--active' : 'tab-set__tab'}
              onClick={() => onSelect(tab.id)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {current ? (
        <div
          role="tabpanel"
          id={`${baseId}-panel-${current.id}`}
          aria-labelledby={`${baseId}-tab-${current.id}`}
          className="tab-set__panel"
        >
          {current.panel}
        </div>
      ) : null}
    </div>
  );
}
