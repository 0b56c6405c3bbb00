// A theme script with a bug: it throws before the widget's script runs.
window.themeScriptRan = true;
window.themeInit.carousel();
