import './style.css';

/** Placeholder until the chat widget exists: one line in the visitor's language. */
const english = navigator.language.toLowerCase().startsWith('en');
const app = document.querySelector<HTMLElement>('#app');

if (app) {
  const title = document.createElement('h1');
  title.textContent = english ? 'Yidan live chat' : '一单 在线客服';
  const note = document.createElement('p');
  note.textContent = english ? 'Coming soon' : '即将上线';
  app.append(title, note);
  document.documentElement.lang = english ? 'en' : 'zh-CN';
}
