'use strict';
function sittingView() { return null; }
module.exports = { sittingView };
