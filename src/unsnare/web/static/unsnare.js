/* Unsnare: quick exit (button, or Shift pressed three times) and the idle lock.
   No inline scripts anywhere: the Content-Security-Policy forbids them. */
(function () {
  "use strict";
  var root = document.documentElement;
  var NEUTRAL = root.getAttribute("data-exit-url") || "https://www.bbc.co.uk/weather";

  function quickExit(event) {
    if (event) { event.preventDefault(); }
    // Blank the page first so nothing stays on screen while the next one loads;
    // replace() swaps this history entry, so Back does not come back here.
    try {
      document.title = "Weather";
      document.body.style.visibility = "hidden";
    } catch (e) { /* leave anyway */ }
    window.location.replace(NEUTRAL);
  }

  var exitLinks = document.querySelectorAll("[data-quick-exit]");
  for (var i = 0; i < exitLinks.length; i++) {
    exitLinks[i].addEventListener("click", quickExit);
  }

  // Shift pressed three times on its own leaves (the GOV.UK "Exit this page"
  // pattern). Only a Shift that goes down and up with no other key in between
  // counts, and any other key starts the count again, so typing capitals
  // ("He Said I") never leaves. Five seconds without a press also resets it.
  var count = 0;
  var alone = false;
  var resetTimer = null;
  var progress = document.getElementById("exit-progress");

  function showProgress() {
    if (!progress) { return; }
    var left = 3 - count;
    if (count === 0) {
      progress.textContent = "";
      progress.hidden = true;
    } else {
      var text = left === 1 ? progress.getAttribute("data-one")
        : progress.getAttribute("data-many");
      progress.textContent = (text || "Press Shift {n} more times to leave").replace("{n}", left);
      progress.hidden = false;
    }
  }

  function resetCount() {
    count = 0;
    alone = false;
    if (resetTimer) { window.clearTimeout(resetTimer); resetTimer = null; }
    showProgress();
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) { alone = true; }
      return;
    }
    alone = false;
    if (count > 0) { resetCount(); }
  }, true);

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { return; }
    if (!alone) { return; }
    alone = false;
    count += 1;
    if (count >= 3) {
      resetCount();
      quickExit(event);
      return;
    }
    showProgress();
    if (resetTimer) { window.clearTimeout(resetTimer); }
    resetTimer = window.setTimeout(resetCount, 5000);
  }, true);
  // Clicking or tapping elsewhere between presses also starts again.
  document.addEventListener("pointerdown", function () { alone = false; }, true);

  // Slow forms (screenshots, big exports): once sent, the button is disabled so it is
  // not pressed twice, and a note says that work is going on. The server's progress
  // page takes over for screenshots (and works without this script).
  function busy(form) {
    var buttons = form.querySelectorAll("button");
    for (var b = 0; b < buttons.length; b++) {
      buttons[b].disabled = true;
    }
    var note = form.querySelector(".busy");
    if (!note) {
      note = document.createElement("p");
      note.className = "busy";
      note.setAttribute("role", "status");
      form.appendChild(note);
    }
    note.textContent = form.getAttribute("data-busy");
  }
  var busyForms = document.querySelectorAll("form[data-busy]");
  for (var f = 0; f < busyForms.length; f++) {
    busyForms[f].addEventListener("submit", function (event) { busy(event.currentTarget); });
  }
  // Coming back with the Back button shows the page as it was left: enable it again.
  window.addEventListener("pageshow", function () {
    for (var f2 = 0; f2 < busyForms.length; f2++) {
      var again = busyForms[f2].querySelectorAll("button");
      for (var b2 = 0; b2 < again.length; b2++) { again[b2].disabled = false; }
      var note2 = busyForms[f2].querySelector(".busy");
      if (note2) { note2.textContent = ""; }
    }
  });

  // Print: the button needs this script, so it is shown only when the script runs.
  // Folded parts are opened for printing, so the paper has the whole plan.
  var printButtons = document.querySelectorAll("[data-print]");
  for (var p = 0; p < printButtons.length; p++) {
    printButtons[p].hidden = false;
    printButtons[p].addEventListener("click", function () { window.print(); });
  }
  window.addEventListener("beforeprint", function () {
    var folded = document.querySelectorAll("main details:not([open])");
    for (var d = 0; d < folded.length; d++) {
      folded[d].setAttribute("open", "");
      folded[d].setAttribute("data-print-opened", "");
    }
  });
  window.addEventListener("afterprint", function () {
    var opened = document.querySelectorAll("details[data-print-opened]");
    for (var d = 0; d < opened.length; d++) {
      opened[d].removeAttribute("open");
      opened[d].removeAttribute("data-print-opened");
    }
  });

  // Offer this browser's own time zone in the zone fields (the person can change it).
  var zone = "";
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
  if (zone) {
    var zoneFields = document.querySelectorAll("input[data-browser-zone]");
    for (var z = 0; z < zoneFields.length; z++) {
      if (!zoneFields[z].value) { zoneFields[z].value = zone; }
    }
  }

  // When a case is open, leave the page once it has been idle long enough for
  // the server to lock it, so the case does not stay on an unattended screen.
  var idle = parseInt(root.getAttribute("data-idle-lock") || "0", 10);
  if (idle > 0) {
    var timer = null;
    var reset = function () {
      if (timer) { window.clearTimeout(timer); }
      timer = window.setTimeout(function () {
        window.location.replace("/case?locked=idle");
      }, (idle + 2) * 1000);
    };
    ["keydown", "pointerdown", "scroll"].forEach(function (name) {
      document.addEventListener(name, reset, { passive: true });
    });
    reset();
  }
})();
