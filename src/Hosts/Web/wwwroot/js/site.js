// Behaviour every page may use, declared with data attributes instead of inline handlers (the CSP allows no
// inline script): data-auto-submit on a form control submits its form when it changes; data-print prints the page.
document.addEventListener('change', (event) => {
    const control = event.target.closest?.('[data-auto-submit]');
    if (control && control.form) control.form.submit();
});
document.addEventListener('click', (event) => {
    if (event.target.closest?.('[data-print]')) window.print();
});
// data-suggest="URL" on a text box: while the person types, the list named by its aria-controls gets the list items
// URL?q= answers (the server encodes them). Without JavaScript the list stays empty and the form works as before.
document.addEventListener('input', (event) => {
    const box = event.target.closest?.('[data-suggest]');
    if (!box) return;
    clearTimeout(box.suggestTimer);
    box.suggestTimer = setTimeout(async () => {
        const list = document.getElementById(box.getAttribute('aria-controls'));
        const typed = box.value.trim();
        if (!list) return;
        if (!typed) { list.replaceChildren(); return; }
        const response = await fetch(`${box.dataset.suggest}?q=${encodeURIComponent(typed)}`, { headers: { Accept: 'text/html' } });
        // A slower answer to an earlier keystroke must not replace the list for what is typed now.
        if (response.ok && box.value.trim() === typed) list.innerHTML = await response.text();
    }, 150);
});
