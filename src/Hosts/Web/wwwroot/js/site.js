// Behaviour every page may use, declared with data attributes instead of inline handlers (the CSP allows no
// inline script): data-auto-submit on a form control submits its form when it changes; data-print prints the page.
document.addEventListener('change', (event) => {
    const control = event.target.closest?.('[data-auto-submit]');
    if (control && control.form) control.form.submit();
});
document.addEventListener('click', (event) => {
    if (event.target.closest?.('[data-print]')) window.print();
});
