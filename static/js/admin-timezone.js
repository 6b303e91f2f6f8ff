'use strict';
// The workshop admin's time zone box (workshops.admin_forms.TimezoneSelect): searchable
// with the select2 that Django's admin ships, and proposing the country's main zone
// when staff pick a country, unless they chose a zone themselves or it already is one
// of the country's. The server proposes the same on save when this script cannot run.
{
    const $ = django.jQuery;

    $(function() {
        const zone = $('select.timezone-select');
        if (!zone.length) {
            return;
        }
        const countryZones = JSON.parse(zone[0].dataset.countryZones || '{}');
        // The admin's autocomplete theme: the same look and width as the country box.
        zone.select2({theme: 'admin-autocomplete'});
        // Below the field's help text, read out when it changes.
        const note = $('<div class="help timezone-proposed" aria-live="polite"></div>');
        zone.closest('.flex-container').parent().append(note);

        let chosenByHand = false;
        zone.on('select2:select', function() {
            chosenByHand = true;
            note.text('');
        });
        $('#id_country').on('change', function() {
            const zones = countryZones[this.value] || [];
            if (chosenByHand || !zones.length || zones.includes(zone.val())) {
                return;
            }
            zone.val(zones[0]).trigger('change');
            const country = $(this).find('option:selected').text();
            note.text(`Proposed from the country (${country}): ${zones[0]}. Change it if the event runs in another zone.`);
        });
    });
}
