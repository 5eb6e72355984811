// Zhidu CRM: small progressive enhancements; every page also works without JavaScript.
document.addEventListener('DOMContentLoaded', () => {
  // htmx requests carry the CSRF token of the page
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    document.body.addEventListener('htmx:configRequest', (e) => { e.detail.headers[header.content] = token.content; });
  }
  // confirmation for destructive acts: <form data-confirm="...">
  document.querySelectorAll('form[data-confirm]').forEach((f) => {
    f.addEventListener('submit', (e) => { if (!window.confirm(f.dataset.confirm)) { e.preventDefault(); } });
  });
  // sidebar toggle on phones
  const toggle = document.getElementById('zd-sidebar-toggle');
  if (toggle) {
    toggle.addEventListener('click', () => document.getElementById('zd-sidebar').classList.toggle('show'));
  }
});
