package id.qutab.commerce.family;

/** How a family member is related to the customer; a CHILD may be offered aqiqah. */
public enum Relation {
    CHILD, SPOUSE, PARENT, OTHER
}
