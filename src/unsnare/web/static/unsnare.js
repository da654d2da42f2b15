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

  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) { return; }
    var now = Date.now();
    presses.push(now);
    presses = presses.filter(function (t) { return now - t < 1500; });
    if (presses.length >= 3) { quickExit(event); }
  });

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
