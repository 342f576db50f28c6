// The agent's chats, SMS and e-mail conversations: several at once (routing counts them against the agent's capacity
// per channel), one stream for all of them from messaging-service, a transcript and a composer each.
import { useState, useEffect, useRef } from 'preact/hooks';
import { html } from '../lib/ui.js';
import { get, post } from '../lib/api.js';
import { stream } from '../lib/sse.js';
import { t, dateTime } from '../lib/i18n.js';
import { mergeMessages } from '../lib/transcript.js';


let sequence = 0;
const clientId = () => `d${Date.now().toString(36)}${(sequence++).toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export function Chats({ agentId, onEnded, onError }) {
  const [chats, setChats] = useState({});   // by conversationId: {conversation, messages, typing}
  const [link, setLink] = useState('connecting');
  const ended = useRef(new Set());          // contacts the agent ended here: later news of them changes nothing
  const update = (id, change) => setChats(all => {
    const current = all[id] || { conversation: null, messages: [], typing: false };
    return { ...all, [id]: { ...current, ...change(current) } };
  });

  const chatsRef = useRef(chats);
  chatsRef.current = chats;
  // a center without messaging-service (no route for /messaging): no stream, and a look again now and then
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    let timer;
    const probe = () => get(`/messaging/agents/${encodeURIComponent(agentId)}/conversations`)
      .then(() => setAvailable(true)).catch(() => { timer = setTimeout(probe, 30_000); });
    probe();
    return () => clearTimeout(timer);
  }, [agentId]);

  useEffect(() => {
    if (!available) return undefined;
    const s = stream(`/messaging/agents/${encodeURIComponent(agentId)}/stream`, e => {
      if (e.type === 'conversation') {
        const c = e.conversation;
        if (ended.current.has(c.contactId)) return; // a reopened conversation comes back as a new contact
        if (c.agentId !== agentId || c.status !== 'ASSIGNED') {
          // closed, or moved to someone else: the card stays until the agent ends it, marked as closed
          update(c.conversationId, cur => ({ conversation: { ...(cur.conversation || c), status: c.status, closeReason: c.closeReason } }));
          return;
        }
        update(c.conversationId, () => ({ conversation: c }));
        get(`/messaging/conversations/${encodeURIComponent(c.conversationId)}?messages=200`)
          .then(full => update(c.conversationId, cur => ({ messages: mergeMessages(cur.messages, full.messages) })))
          .catch(err => onError(err.message));
      } else if (e.type === 'message') {
        if (!chatsRef.current[e.conversationId]) return; // not (or no longer) on this desk
        update(e.conversationId, cur => ({ messages: mergeMessages(cur.messages, [e.message]),
          typing: e.message.direction === 'IN' ? false : cur.typing }));
      } else if (e.type === 'typing') {
        update(e.conversationId, () => ({ typing: e.on }));
      }
    }, setLink);
    return () => s.close();
  }, [agentId, available]);

  const open = Object.values(chats).filter(c => c.conversation);
  if (!open.length) return null;
  return html`<section class="chats" aria-label=${t('chat.title')} data-testid="chats" data-link=${link}>
    ${open.map(c => html`<${ChatCard} key=${c.conversation.conversationId} chat=${c}
      onEnd=${async () => {
        const conv = c.conversation;
        try {
          if (conv.status !== 'CLOSED' || conv.closeReason === 'LEFT') {
            await post(`/routing/contacts/${encodeURIComponent(conv.contactId)}/complete`, {}).catch(err => {
              if (err.status !== 409) throw err; // already ended in routing
            });
          }
          ended.current.add(conv.contactId);
          setChats(all => { const n = { ...all }; delete n[conv.conversationId]; return n; });
          onEnded(conv);
        } catch (err) { onError(err.message); }
      }} />`)}
  </section>`;
}

function ChatCard({ chat, onEnd }) {
  const { conversation: c, messages, typing } = chat;
  const [draft, setDraft] = useState('');
  const [error, setError] = useState(null);
  const typingSent = useRef(false);
  const typingTimer = useRef(null);
  const log = useRef(null);
  useEffect(() => { if (log.current) log.current.scrollTop = log.current.scrollHeight; }, [messages.length]);
  const closed = c.status === 'CLOSED';
  const setTyping = on => {
    if (typingSent.current === on || closed) return;
    typingSent.current = on;
    post(`/messaging/conversations/${encodeURIComponent(c.conversationId)}/typing`, { typing: on }).catch(() => {});
  };
  const send = async e => {
    e.preventDefault();
    const text = draft.trim();
    if (!text) return;
    setDraft(''); setError(null); setTyping(false);
    const id = clientId();
    const path = `/messaging/conversations/${encodeURIComponent(c.conversationId)}/messages`;
    // one retry with the same clientId: a post whose answer was lost is stored once
    try { await post(path, { text, clientId: id }).catch(() => post(path, { text, clientId: id })); }
    catch (err) { setError(err.message); setDraft(text); }
  };
  const who = c.name || c.email || c.phone || t('chat.customer');
  return html`<article class="card chat" aria-labelledby=${'chat-' + c.conversationId} data-testid="chat"
      data-conversation=${c.conversationId} data-status=${c.status}>
    <h2 id=${'chat-' + c.conversationId}>${t('chat.with', { who, channel: t('channel.' + c.channel) })}</h2>
    <p class="hint">${[c.email, c.phone].filter(Boolean).join(' · ')}${c.subject ? ' · ' + c.subject : ''}</p>
    <ol class="transcript" ref=${log} role="log" aria-live="polite" data-testid="transcript">
      ${messages.map(m => html`<li key=${m.seq} class=${'msg ' + m.direction} data-seq=${m.seq} data-direction=${m.direction}>
        <span class="text">${m.text}</span> <time datetime=${m.at}>${dateTime(m.at)}</time></li>`)}
    </ol>
    <p class="typing" aria-live="polite" data-testid="typing">${typing ? t('chat.typing') : ''}</p>
    ${closed && html`<p role="status" class="notice warn" data-testid="chat-closed">${t('chat.closed.' + (c.closeReason || 'RESOLVED'))}</p>`}
    <form class="composer" onSubmit=${send}>
      <label class="grow">${t('chat.reply')}
        <textarea rows="2" value=${draft} disabled=${closed} data-testid="chat-input"
          onInput=${e => { setDraft(e.target.value); setTyping(true); clearTimeout(typingTimer.current);
            typingTimer.current = setTimeout(() => setTyping(false), 3000); }}
          onKeyDown=${e => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); e.target.form.requestSubmit(); } }}></textarea>
      </label>
      <button type="submit" class="primary" disabled=${closed} data-testid="chat-send">${t('chat.send')}</button>
      <button type="button" onClick=${onEnd} data-testid="chat-end">${t('chat.end')}</button>
    </form>
    ${error && html`<p role="alert" class="error">${error}</p>`}
  </article>`;
}
