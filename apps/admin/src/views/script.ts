/**
 * The admin's only script, served at /assets/admin.js (the CSP allows no inline script): a
 * button with `data-copy` puts its value on the clipboard. Pages work without it.
 */
export const ADMIN_SCRIPT = `
document.addEventListener('click', function (event) {
  var button = event.target instanceof Element ? event.target.closest('button[data-copy]') : null;
  if (!button || !navigator.clipboard) return;
  event.preventDefault();
  navigator.clipboard.writeText(button.getAttribute('data-copy') || '').then(function () {
    button.setAttribute('data-copied', 'true');
    setTimeout(function () { button.removeAttribute('data-copied'); }, 1500);
  });
});
`;
