/** Shows the ribbon command's message (from the query string, as text, never HTML). */
const text = new URLSearchParams(window.location.search).get('text') ?? '';
const target = document.getElementById('text');
if (target) target.textContent = text;
