import { useState, useEffect } from 'preact/hooks';
import { html, mount } from '../lib/ui.js';
import { t } from '../lib/i18n.js';
import { Live } from './live.js';
import { Boards } from './boards.js';

const TABS = ['live', 'boards', 'flows'];

function Console() {
  const params = new URLSearchParams(location.hash.slice(1));
  const [tab, setTab] = useState(TABS.includes(params.get('tab')) ? params.get('tab') : 'live');
  const settings = { target: Number(params.get('target') || 0.8), maxWait: Number(params.get('maxWait') || 60) };
  // the flow editor brings a YAML parser: loaded when its tab is first opened, not with the live view
  const [Flows, setFlows] = useState(null);
  useEffect(() => { if (tab === 'flows' && !Flows) import('./flows.js').then(m => setFlows(() => m.Flows)); }, [tab]);
  const select = name => { setTab(name); history.replaceState(null, '', '#tab=' + name); };
  const onKey = e => {
    const i = TABS.indexOf(tab);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const rtl = document.documentElement.dir === 'rtl' ? -1 : 1;
    const next = TABS[(i + step * rtl + TABS.length) % TABS.length];
    select(next);
    document.getElementById('tab-' + next)?.focus();
  };
  return html`
    <nav class="tabs" role="tablist" aria-label=${t('console.sections')} onKeyDown=${onKey}>
      ${TABS.map(name => html`<button type="button" role="tab" id=${'tab-' + name} aria-selected=${tab === name}
        aria-controls=${'panel-' + name} tabindex=${tab === name ? 0 : -1} onClick=${() => select(name)} data-testid=${'tab-' + name}>${t('console.' + name)}</button>`)}
    </nav>
    <div role="tabpanel" id=${'panel-' + tab} aria-labelledby=${'tab-' + tab} class="panel-body">
      ${tab === 'live' && html`<${Live} settings=${settings} />`}
      ${tab === 'boards' && html`<${Boards} />`}
      ${tab === 'flows' && (Flows ? html`<${Flows} />` : html`<p>${t('common.loading')}</p>`)}
    </div>`;
}

mount(Console, { role: 'supervisor', title: 'console.title' });
