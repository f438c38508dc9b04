extension Mark {
}
