// What deploy/purgecss/trim-bootstrap.sh keeps of Bootstrap and of Bootstrap Icons
// (one class per icon, a few of which we use): the selectors whose
// classes appear in our templates, scripts and Python (forms set classes in widget
// attrs and crispy layouts), in the crispy-bootstrap5 templates that render our forms,
// and those Bootstrap's own JavaScript adds at run time (the navbar's collapse).
const path = require("node:path");

const root = path.resolve(__dirname, "..", "..");
const sitePackages = process.env.SITE_PACKAGES;

module.exports = {
  css: [
    path.join(root, "static/vendor/bootstrap/bootstrap.min.css"),
    path.join(root, "static/vendor/bootstrap-icons/bootstrap-icons.min.css"),
  ],
  content: [
    path.join(root, "templates/**/*.html"),
    path.join(root, "static/js/**/*.js"),
    path.join(root, "{core,workshops,participants,training,publications,reports,public,trainer}/**/*.py"),
    path.join(sitePackages, "crispy_bootstrap5/templates/**/*.html"),
    path.join(sitePackages, "crispy_forms/templates/**/*.html"),
    path.join(sitePackages, "django/forms/templates/django/forms/**/*.html"),
  ],
  safelist: {
    // Added by bootstrap.bundle.min.js: the collapsing navbar, and the state classes
    // of the components it drives.
    standard: ["show", "collapse", "collapsing", "collapse-horizontal", "fade", "active", "disabled"],
    // Message levels: templates/includes/_messages.html builds alert-{{ tag }}.
    greedy: [/^alert-/, /^text-bg-/],
  },
  // Keep every custom property, keyframes and font face: they cost little and a
  // variable referenced only from portal.css or theme.css must not go.
  variables: false,
  keyframes: false,
  fontFace: false,
};
