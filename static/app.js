// Enables GOV.UK Frontend's JavaScript components. Loaded as a module from
// our own origin (the Content-Security-Policy allows no inline script).
import { initAll } from '/assets/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
