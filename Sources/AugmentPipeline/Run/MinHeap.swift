/// A binary min-heap ordered by a caller's comparison, for schedules that repeatedly take the smallest of a
/// changing set. An element's order must not change while it is in the heap.
struct MinHeap<Element> {
  private var elements: [Element] = []
  private let areInIncreasingOrder: (Element, Element) -> Bool

  init(by areInIncreasingOrder: @escaping (Element, Element) -> Bool) {
    self.areInIncreasingOrder = areInIncreasingOrder
  }

  var min: Element? { elements.first }

  mutating func insert(_ element: Element) {
    elements.append(element)
    var child = elements.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard areInIncreasingOrder(elements[child], elements[parent]) else { break }
      elements.swapAt(child, parent)
      child = parent
    }
  }

  /// - Precondition: the heap is not empty.
  mutating func removeMin() -> Element {
    precondition(!elements.isEmpty, "removeMin on an empty heap")
    elements.swapAt(0, elements.count - 1)
    let smallest = elements.removeLast()
    var parent = 0
    while true {
      let left = 2 * parent + 1, right = left + 1
      var smaller = parent
      if left < elements.count, areInIncreasingOrder(elements[left], elements[smaller]) { smaller = left }
      if right < elements.count, areInIncreasingOrder(elements[right], elements[smaller]) { smaller = right }
      guard smaller != parent else { return smallest }
      elements.swapAt(parent, smaller)
      parent = smaller
    }
  }
}
