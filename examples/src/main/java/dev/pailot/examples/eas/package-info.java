/** The EAS services the examples deploy on LocalPai, through the typed EAS client. */
package dev.pailot.examples.eas;
